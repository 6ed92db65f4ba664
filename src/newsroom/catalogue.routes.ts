// The Admin API's editions, sections, tags and bylines: what the editor's side panel picks from.
import { Type } from 'typebox'
import type { Catalogue } from '../content/catalogue.ts'
import { slugify } from '../content/slug.ts'
import type { TaxonomyRepository } from '../content/taxonomy.repository.ts'
import type { TaxonomyService } from '../content/taxonomy.service.ts'
import { invalidInput } from '../platform/errors.ts'
import { Id } from './admin.schemas.ts'
import type { AdminApp } from './admin-api.ts'
import { allowed, signedIn } from './session.http.ts'

const named = (x: { id: number; name: string; slug: string }) => ({
  id: x.id,
  name: x.name,
  slug: x.slug,
})

export function catalogueRoutes(deps: {
  catalogue: Catalogue
  taxonomy: TaxonomyService
  repository: TaxonomyRepository
}) {
  const { catalogue, taxonomy, repository } = deps

  const edition = (id: number) => {
    const found = catalogue.editionById(id)
    if (!found) throw invalidInput('editionId', 'unknown edition')
    return found
  }

  return async (api: AdminApp) => {
    api.get('/editions', { schema: { tags: ['catalogue'] } }, async (request) => {
      signedIn(request)
      return {
        items: catalogue.editions().map((e) => ({
          ...e,
          sections: catalogue.sections(e.id).map(named),
        })),
      }
    })

    api.post(
      '/sections',
      {
        schema: {
          tags: ['catalogue'],
          body: Type.Object({
            editionId: Id,
            name: Type.String({ maxLength: 200 }),
            slug: Type.Optional(Type.String({ maxLength: 100 })),
            description: Type.Optional(Type.String({ maxLength: 1000 })),
          }),
        },
      },
      async (request, reply) => {
        allowed(request, 'taxonomy.manage')
        const { editionId, name, slug, description } = request.body
        edition(editionId)
        const id = await taxonomy.createSection({
          editionId,
          name,
          slug: slug || slugify(name),
          description,
        })
        const section = catalogue.sectionById(id)
        return reply.code(201).send(section && named(section))
      },
    )

    api.get(
      '/tags',
      {
        schema: {
          tags: ['catalogue'],
          querystring: Type.Object({
            editionId: Id,
            q: Type.Optional(Type.String({ maxLength: 100 })),
          }),
        },
      },
      async (request) => {
        signedIn(request)
        edition(request.query.editionId)
        const tags = await repository.tagsOfEdition(
          request.query.editionId,
          request.query.q ?? '',
          50,
        )
        return { items: tags.map(named) }
      },
    )

    api.post(
      '/tags',
      {
        schema: {
          tags: ['catalogue'],
          body: Type.Object({ editionId: Id, name: Type.String({ maxLength: 200 }) }),
        },
      },
      async (request, reply) => {
        allowed(request, 'taxonomy.manage')
        const { editionId, name } = request.body
        edition(editionId)
        const slug = slugify(name)
        // Adding a tag that exists already picks it.
        const existing = await repository.tagBySlug(editionId, slug)
        if (existing) return named(existing)
        const id = await taxonomy.createTag({ editionId, slug, name })
        return reply.code(201).send({ id, name: name.trim(), slug })
      },
    )

    api.get(
      '/authors',
      { schema: { tags: ['catalogue'], querystring: Type.Object({ editionId: Id }) } },
      async (request) => {
        signedIn(request)
        edition(request.query.editionId)
        return { items: (await repository.authorsOfEdition(request.query.editionId)).map(named) }
      },
    )
  }
}
