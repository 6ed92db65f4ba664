// Composes the demo photographs as SVG: skylines, hills, coasts and mountains at four times of day.
import { createRandom, type Random } from './random.ts'
import {
  clouds,
  HEIGHT,
  light,
  mix,
  PALETTES,
  type Palette,
  ridge,
  ripples,
  round,
  sky,
  snowCap,
  stars,
  type TimeOfDay,
  trees,
  WIDTH,
  water,
} from './scenery.ts'

export type SceneKind = 'skyline' | 'hills' | 'coast' | 'mountains'

export interface Scene {
  kind: SceneKind
  time: TimeOfDay
  svg: string
  /** Where the eye goes, as fractions of width and height, for cropping. */
  focalX: number
  focalY: number
}

const SCENE_KINDS: readonly SceneKind[] = ['skyline', 'hills', 'coast', 'mountains']
const TIMES: readonly TimeOfDay[] = ['dawn', 'day', 'dusk', 'night']

/** Photo number n always gets the same scene, whatever the story seed, so files match captions. */
export function composeScene(n: number): Scene {
  const rng = createRandom(0x5eed + n * 7919)
  const kind = SCENE_KINDS[n % SCENE_KINDS.length] as SceneKind
  const time = TIMES[Math.floor(n / SCENE_KINDS.length) % TIMES.length] as TimeOfDay
  const p = PALETTES[time]
  const lightX = rng.int(0.2 * WIDTH, 0.8 * WIDTH)
  const layers = [
    sky(p),
    time === 'night' ? stars(rng) : '',
    light(p, lightX),
    clouds(rng, p, time),
  ]
  const focal = { x: lightX / WIDTH, y: 0.55 }
  if (kind === 'skyline') focal.x = skyline(rng, p, layers) / WIDTH
  if (kind === 'hills') hills(rng, p, layers)
  if (kind === 'coast') coast(rng, p, lightX, layers)
  if (kind === 'mountains') {
    focal.x = mountains(rng, p, layers) / WIDTH
    focal.y = 0.45
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${layers.join('')}</svg>`
  return { kind, time, svg, focalX: round(focal.x), focalY: round(focal.y) }
}
/** Returns the x of the tallest tower, where the eye goes. */
function skyline(rng: Random, p: Palette, layers: string[]): number {
  const horizon = Math.round(HEIGHT * 0.72)
  const buildings: string[] = []
  let tallest = { x: WIDTH / 2, h: 0 }
  for (const [depth, minH, maxH] of [
    [0, 90, 300],
    [1, 150, 520],
  ] as const) {
    const color = depth === 0 ? mix(p.far, p.buildings, 0.4) : p.buildings
    for (let x = rng.int(-60, 0); x < WIDTH; x += rng.int(10, 40)) {
      const w = rng.int(40, depth === 0 ? 90 : 150)
      const h = rng.chance(0.08) ? rng.int(maxH, maxH + 180) : rng.int(minH, maxH)
      const top = horizon - h
      buildings.push(`<rect x="${x}" y="${top}" width="${w}" height="${h}" fill="${color}"/>`)
      if (rng.chance(0.15)) {
        buildings.push(
          `<rect x="${x + w / 2 - 2}" y="${top - 60}" width="4" height="60" fill="${color}"/>`,
        )
      }
      if (depth === 1 && h > tallest.h) tallest = { x: x + w / 2, h }
      if (p.windows > 0) buildings.push(windows(rng, x, top, w, h, p.windows))
      x += w
    }
  }
  const city = `<g id="city">${buildings.join('')}</g>`
  const reflection = `<clipPath id="below"><rect y="${horizon}" width="${WIDTH}" height="${HEIGHT - horizon}"/></clipPath><g clip-path="url(#below)"><use href="#city" transform="translate(0 ${2 * horizon}) scale(1 -1)" opacity="0.35"/></g>`
  layers.push(water(p, horizon), city, reflection, ripples(rng, horizon, WIDTH / 2, '#ffffff'))
  return tallest.x
}

function windows(rng: Random, x: number, top: number, w: number, h: number, lit: number): string {
  const cells: string[] = []
  for (let wy = top + 14; wy < top + h - 20; wy += 22) {
    for (let wx = x + 8; wx < x + w - 12; wx += 16) {
      if (rng.chance(lit)) cells.push(`<rect x="${wx}" y="${wy}" width="7" height="10"/>`)
    }
  }
  return cells.length ? `<g fill="#ffd27a" opacity="0.85">${cells.join('')}</g>` : ''
}

function hills(rng: Random, p: Palette, layers: string[]): void {
  const lake = rng.chance(0.5)
  for (let i = 0; i < 4; i++) {
    layers.push(ridge(rng, HEIGHT * (0.56 + 0.11 * i), 110 - i * 20, mix(p.far, p.near, i / 3)))
    if (i === 2 && lake) {
      const cx = rng.int(WIDTH * 0.3, WIDTH * 0.7)
      layers.push(
        `<ellipse cx="${cx}" cy="${HEIGHT * 0.82}" rx="${rng.int(300, 460)}" ry="40" fill="${mix(p.water, '#ffffff', 0.2)}"/>`,
      )
    }
  }
  layers.push(trees(rng, p.near, HEIGHT * 0.95))
}
function coast(rng: Random, p: Palette, lightX: number, layers: string[]): void {
  const horizon = Math.round(HEIGHT * 0.62)
  const left = rng.chance(0.5)
  const edge = left ? 0 : WIDTH
  const dir = left ? 1 : -1
  const top = HEIGHT * rng.float(0.36, 0.46, 2)
  const reach = WIDTH * rng.float(0.3, 0.42, 2)
  const outline: [number, number][] = [[0, top]]
  for (let f = 0.1; f < 0.5; f += 0.1) outline.push([f, top + rng.int(-12, 18)])
  outline.push([0.62, top + rng.int(30, 60)], [0.78, top + rng.int(100, 160)])
  outline.push([0.9, (top + horizon) / 2 + rng.int(20, 60)], [1, horizon + 8])
  const cliff = `M${edge},${HEIGHT} ${outline.map(([f, y]) => `L${round(edge + dir * reach * f)},${round(y)}`).join(' ')} L${edge + dir * reach},${HEIGHT} Z`
  const towerX = edge + dir * reach * 0.3
  const lamp =
    p.windows > 0 ? `<circle cx="${towerX}" cy="${top - 84}" r="40" fill="url(#glow)"/>` : ''
  layers.push(
    water(p, horizon),
    ripples(rng, horizon, lightX, p.light),
    `<path d="${cliff}" fill="${p.near}"/>`,
    `<path d="M${towerX - 22},${top + 10} L${towerX - 14},${top - 150} L${towerX + 14},${top - 150} L${towerX + 22},${top + 10} Z" fill="#f2efe8"/><path d="M${towerX - 19},${top - 40} L${towerX - 17},${top - 75} L${towerX + 17},${top - 75} L${towerX + 19},${top - 40} Z" fill="#b33a3a"/><rect x="${towerX - 18}" y="${top - 172}" width="36" height="22" fill="#3a3a3a"/>${lamp}`,
  )
}

/** Returns the x of the highest peak. */
function mountains(rng: Random, p: Palette, layers: string[]): number {
  let highest = { x: WIDTH / 2, y: HEIGHT }
  for (const [i, base] of [0.62, 0.72].entries()) {
    const color = mix(p.far, p.near, i * 0.45)
    const points: [number, number][] = [[-50, HEIGHT * base]]
    for (let x = rng.int(60, 160); x < WIDTH + 100; x += rng.int(180, 320)) {
      const peak: [number, number] = [x, HEIGHT * (base - rng.float(0.15, 0.34, 2) + 0.1 * i)]
      points.push(peak, [x + rng.int(90, 160), HEIGHT * (base - rng.float(0, 0.08, 2))])
      if (peak[1] < highest.y) highest = { x, y: peak[1] }
    }
    const line = points.map(([x, y]) => `${x},${round(y)}`).join(' L')
    const snow = points.flatMap((peak, k) => {
      const left = points[k - 1]
      const right = points[k + 1]
      return k % 2 === 1 && left && right ? [snowCap(peak, left, right)] : []
    })
    layers.push(
      `<path d="M-50,${HEIGHT} L${line} L${WIDTH + 100},${HEIGHT} Z" fill="${color}"/>`,
      `<g fill="#f4f6fb" opacity="${0.9 - i * 0.2}">${snow.join('')}</g>`,
    )
  }
  layers.push(ridge(rng, HEIGHT * 0.86, 70, p.near), trees(rng, p.near, HEIGHT * 0.95))
  return highest.x
}
