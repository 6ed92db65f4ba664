// The site's logos for structured data and social cards: its name drawn as PNG once, on first ask.
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import { type Logo, PUBLISHER_LOGO, SQUARE_LOGO } from './structured-data.ts'

const INK = '#14213d'
const PAPER = '#ffffff'

// sharp's text is Pango markup: the site's name is text, not markup.
const markup = (text: string) =>
  text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'))

/** `text` in bold, as large as fits the box, on a plain background the size of the logo. */
async function draw(
  logo: Logo,
  text: string,
  box: { width: number; height: number },
  ink: string,
  paper: string,
) {
  const canvas = sharp({
    create: { width: logo.width, height: logo.height, channels: 4, background: paper },
  })
  try {
    const words = await sharp({
      text: {
        text: `<span foreground="${ink}">${markup(text)}</span>`,
        font: 'sans bold',
        ...box,
        rgba: true,
        align: 'centre',
      },
    })
      .png()
      .toBuffer()
    return await canvas
      .composite([{ input: words, gravity: 'centre' }])
      .png()
      .toBuffer()
  } catch {
    // No font to draw with: a plain logo still serves.
    return canvas.png().toBuffer()
  }
}

export async function logoRoutes(app: FastifyInstance, deps: { siteName: string }) {
  const initial = Array.from(deps.siteName)[0] ?? ''
  const logos = [
    {
      logo: PUBLISHER_LOGO,
      make: () => draw(PUBLISHER_LOGO, deps.siteName, { width: 580, height: 48 }, INK, PAPER),
    },
    {
      logo: SQUARE_LOGO,
      make: () => draw(SQUARE_LOGO, initial, { width: 320, height: 320 }, PAPER, INK),
    },
  ]
  for (const { logo, make } of logos) {
    let png: Promise<Buffer> | undefined
    app.get(logo.path, async (_request, reply) => {
      png ??= make()
      return reply
        .type('image/png')
        .header('cache-control', 'public, max-age=86400')
        .send(await png)
    })
  }
}
