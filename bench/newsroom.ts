// In-process Dateline apps for the live sections: a small newsroom made through the services, and stories.
import type { App } from '../src/main.ts'

type Services = App['services']
export type Room = { editionId: number; sectionId: number }

/** One English edition with a World section. */
export async function newsroom(services: Services): Promise<Room> {
  const editionId = await services.taxonomy.createEdition({
    code: 'en',
    name: 'English',
    locale: 'en-GB',
    timeZone: 'Europe/London',
  })
  const sectionId = await services.taxonomy.createSection({
    editionId,
    slug: 'world',
    name: 'World',
    description: 'World news',
  })
  return { editionId, sectionId }
}

/** A draft story, not yet published. */
export function draft(services: Services, room: Room, headline: string): Promise<number> {
  return services.articles.create({
    ...room,
    headline,
    dek: 'A story written for the benchmark.',
    datelinePlace: 'LONDON',
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The story text.' }] }],
    },
  })
}

export async function publishStories(services: Services, room: Room, count: number) {
  for (let i = 1; i <= count; i++)
    await services.articles.publish(await draft(services, room, `Earlier story ${i}`))
}
