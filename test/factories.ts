// Data factories: editions, sections, tags, authors, photos and published stories through the services.
import type { App } from '../src/main.ts'

type Services = App['services']

export const paragraph = (text: string) => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
})
export const doc = (...blocks: unknown[]) => ({
  type: 'doc',
  content: blocks.length > 0 ? blocks : [paragraph('Text.')],
})

/** Two editions with a section each, a tag, an author and a photo: the smallest credible newsroom. */
export async function newsroom(services: Services) {
  const { taxonomy, catalogue } = services
  const enId = await taxonomy.createEdition({
    code: 'en',
    name: 'English',
    locale: 'en-GB',
    timeZone: 'Europe/London',
  })
  const ruId = await taxonomy.createEdition({
    code: 'ru',
    name: 'Русский',
    locale: 'ru-RU',
    timeZone: 'Europe/Moscow',
  })
  const world = await taxonomy.createSection({
    editionId: enId,
    slug: 'world',
    name: 'World',
    description: 'World: the latest news from every continent',
  })
  const mir = await taxonomy.createSection({
    editionId: ruId,
    slug: 'world',
    name: 'Мир',
    description: 'Мир: последние новости со всех континентов',
  })
  const photo = await taxonomy.createMedia({
    file: 'originals/missing.jpg',
    mimeType: 'image/jpeg',
    width: 1920,
    height: 1280,
    caption: 'Delegates arrive for the talks',
    credit: '© Dateline / Jane Doe',
    alt: 'Delegates walking into a hall',
  })
  const tag = await taxonomy.createTag({ editionId: enId, slug: 'diplomacy', name: 'Diplomacy' })
  const author = await taxonomy.createAuthor({
    editionId: enId,
    slug: 'jane-doe',
    name: 'Jane Doe',
    bio: 'Diplomatic correspondent.',
  })
  const ruTag = await taxonomy.createTag({
    editionId: ruId,
    slug: 'diplomatiya',
    name: 'Дипломатия',
  })
  const ruAuthor = await taxonomy.createAuthor({
    editionId: ruId,
    slug: 'anna-volkova',
    name: 'Анна Волкова',
    bio: 'Корреспондент.',
  })
  return {
    en: catalogue.editionById(enId)!,
    ru: catalogue.editionById(ruId)!,
    world: catalogue.sectionById(world)!,
    mir: catalogue.sectionById(mir)!,
    photo,
    tag,
    author,
    ruTag,
    ruAuthor,
  }
}

type Newsroom = Awaited<ReturnType<typeof newsroom>>

/** A story, published at `at` (default: now) unless `publish` is false. */
export async function newArticle(
  services: Services,
  room: Newsroom,
  input: Partial<Parameters<Services['articles']['create']>[0]> & {
    at?: Date
    publish?: boolean
    ru?: boolean
  } = {},
) {
  const { at, publish = true, ru = false, ...draft } = input
  const id = await services.articles.create({
    editionId: ru ? room.ru.id : room.en.id,
    sectionId: ru ? room.mir.id : room.world.id,
    headline: ru ? 'Переговоры продолжатся' : 'Talks will go on, ministers say',
    dek: ru
      ? 'Стороны договорились о новой встрече.'
      : 'Both sides agreed to meet again next week.',
    datelinePlace: ru ? 'МОСКВА' : 'MOSCOW',
    body: doc(paragraph(ru ? 'Текст материала.' : 'The story text.')),
    leadMediaId: room.photo,
    tagIds: ru ? [room.ruTag] : [room.tag],
    authorIds: ru ? [room.ruAuthor] : [room.author],
    ...draft,
  })
  if (publish) await services.articles.publish(id, at)
  return id
}
