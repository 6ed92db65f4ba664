// The demo photographs: rendered once into the media folder and described in both languages.
import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import type { Lang } from './lexicon.ts'
import { HEIGHT, type TimeOfDay, WIDTH } from './scenery.ts'
import { composeScene, type SceneKind } from './scenes.ts'

export const PHOTO_COUNT = 16

export interface DemoPhoto {
  /** Relative to the media folder, as media_assets.file stores it. */
  file: string
  width: number
  height: number
  focalX: number
  focalY: number
  text: Record<Lang, { caption: string; alt: string; credit: string }>
}

type Both = Record<Lang, string>

const CAPTIONS: Record<SceneKind, Both> = {
  skyline: {
    en: 'The city skyline seen from across the river',
    ru: 'Вид на город с другого берега реки',
  },
  hills: { en: 'Rolling hills and woodland outside the city', ru: 'Холмы и перелески за городом' },
  coast: {
    en: 'A lighthouse on the coast near the harbour',
    ru: 'Маяк на побережье недалеко от гавани',
  },
  mountains: { en: 'Snow-capped peaks above the valley', ru: 'Заснеженные вершины над долиной' },
}
const WHEN: Record<TimeOfDay, Both> = {
  dawn: { en: 'at dawn', ru: 'на рассвете' },
  day: { en: 'on a clear day', ru: 'в ясный день' },
  dusk: { en: 'at dusk', ru: 'в сумерках' },
  night: { en: 'at night', ru: 'ночью' },
}
const ALTS: Record<SceneKind, Both> = {
  skyline: {
    en: 'Silhouettes of tall buildings reflected in a river',
    ru: 'Силуэты высотных зданий, отражающиеся в реке',
  },
  hills: {
    en: 'Layers of hills fading into the distance, with trees in the foreground',
    ru: 'Гряды холмов, уходящие вдаль, с деревьями на переднем плане',
  },
  coast: {
    en: 'A red and white lighthouse on a rocky headland above a calm sea',
    ru: 'Красно-белый маяк на скалистом мысу над спокойным морем',
  },
  mountains: {
    en: 'Jagged mountain ridges with snow on their summits',
    ru: 'Острые горные хребты со снегом на вершинах',
  },
}
const SKIES: Record<TimeOfDay, Both> = {
  dawn: {
    en: 'under a pink and orange morning sky',
    ru: 'на фоне розово-оранжевого утреннего неба',
  },
  day: { en: 'under a bright blue sky with clouds', ru: 'на фоне ярко-голубого неба с облаками' },
  dusk: { en: 'under a deep red evening sky', ru: 'на фоне темно-красного вечернего неба' },
  night: {
    en: 'under a dark night sky with stars',
    ru: 'на фоне темного ночного неба со звездами',
  },
}
const CREDITS: readonly Both[] = [
  { en: '© Dateline / Tom Ellery', ru: '© Dateline / Том Эллери' },
  { en: '© Meridian Pictures / Jonas Berg', ru: '© Meridian Pictures / Йонас Берг' },
  { en: '© Dateline / Irina Sokolova', ru: '© Dateline / Ирина Соколова' },
  { en: '© Eastlight Photo / Lena Kraus', ru: '© Eastlight Photo / Лена Краус' },
  { en: '© Northwind Images / Ahmed Saleh', ru: '© Northwind Images / Ахмед Салех' },
  { en: '© Dateline / Maria Ortiz', ru: '© Dateline / Мария Ортис' },
]

/**
 * Describes the photos at once and writes any missing files under dataDir/media/originals in the
 * background: encoding takes seconds, so the caller can fill the database meanwhile.
 */
export function preparePhotos(dataDir: string): { photos: DemoPhoto[]; written: Promise<void> } {
  const folder = path.join(dataDir, 'media', 'originals')
  const scenes = Array.from({ length: PHOTO_COUNT }, (_, n) => composeScene(n))
  const names = scenes.map((_, n) => `demo-${String(n + 1).padStart(2, '0')}.jpg`)
  const written = fs.mkdir(folder, { recursive: true }).then(async () => {
    await Promise.all(
      scenes.map((scene, n) => writePhoto(path.join(folder, names[n] ?? ''), scene.svg)),
    )
  })
  const photos = scenes.map((scene, n): DemoPhoto => {
    const credit = CREDITS[n % CREDITS.length] as Both
    const describe = (lang: Lang) => ({
      caption: `${CAPTIONS[scene.kind][lang]} ${WHEN[scene.time][lang]}.`,
      alt: `${ALTS[scene.kind][lang]} ${SKIES[scene.time][lang]}`,
      credit: credit[lang],
    })
    return {
      file: `originals/${names[n]}`,
      width: WIDTH,
      height: HEIGHT,
      focalX: scene.focalX,
      focalY: scene.focalY,
      text: { en: describe('en'), ru: describe('ru') },
    }
  })
  return { photos, written }
}

async function writePhoto(target: string, svg: string): Promise<void> {
  if (await exists(target)) return
  // Written under a temporary name first, so an interrupted run never leaves half a photo.
  const partial = `${target}.${process.pid}.tmp`
  await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(partial)
  await fs.rename(partial, target)
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file)
    return true
  } catch {
    return false
  }
}
