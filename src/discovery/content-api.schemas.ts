// TypeBox schemas of the Content API: what each endpoint takes and answers, and so its OpenAPI document.
import { type TSchema, Type } from 'typebox'

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const EditionCode = Type.String({
  pattern: '^[a-z]{2,3}(-[a-z]{2})?$',
  maxLength: 6,
  description: 'An edition code, e.g. "en"',
})
export const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 })
const Time = Type.String({ format: 'date-time' })

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      field: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ContentApiError' },
)

const Ref = Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() })

const Image = Type.Object({
  id: Type.Integer(),
  width: Type.Integer(),
  height: Type.Integer(),
  alt: Type.String(),
  caption: Type.String(),
  credit: Type.String(),
  url: Type.String({ description: 'The largest JPEG rendition up to 1280 px wide' }),
  srcset: Type.Object({ avif: Type.String(), webp: Type.String(), jpg: Type.String() }),
})

const Edition = Type.Object({
  code: Type.String(),
  name: Type.String(),
  locale: Type.String(),
  timeZone: Type.String(),
  direction: Type.Union([Type.Literal('ltr'), Type.Literal('rtl')]),
  url: Type.String(),
})

const Section = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  parent: nullable(Type.String({ description: 'The slug of the parent section' })),
  url: Type.String(),
})

const Author = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  bio: Type.String(),
  photo: nullable(Image),
  url: Type.String(),
})

const StoryLink = Type.Object({
  id: Type.Integer(),
  edition: nullable(Type.String()),
  headline: Type.String(),
  url: Type.String(),
  publishedAt: Time,
})

const storyFields = {
  edition: nullable(Type.String()),
  section: nullable(Ref),
  slug: Type.String(),
  url: Type.String({ description: "The story's public page" }),
  headline: Type.String(),
  dek: Type.String(),
  datelinePlace: Type.String(),
  source: Type.String(),
  breaking: Type.Boolean(),
  publishedAt: Time,
  updatedAt: Time,
  lead: nullable(Image),
  tags: Type.Array(Ref),
  authors: Type.Array(Ref),
}

const detailFields = {
  body: Type.Object({
    doc: Type.Unknown({ description: 'The body as a ProseMirror document (JSON)' }),
    html: Type.String({ description: 'The body rendered to HTML, as the story page shows it' }),
  }),
  corrections: Type.Array(Type.Object({ text: Type.String(), createdAt: Time })),
  related: Type.Array(StoryLink),
  translations: Type.Array(StoryLink),
}

const optional = (fields: Record<string, TSchema>) =>
  Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, Type.Optional(schema)]))

// Every field but id is optional: `fields` selects which ones come.
const StorySummary = Type.Object({ id: Type.Integer(), ...optional(storyFields) })
const Story = Type.Object({
  id: Type.Integer(),
  ...optional(storyFields),
  ...optional(detailFields),
})

const list = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) })
const answers = <T extends TSchema>(ok: T) => ({
  200: ok,
  '4xx': Type.Ref('ContentApiError'),
})

export const FieldsParam = Type.String({
  maxLength: 500,
  pattern: '^[A-Za-z]+(,[A-Za-z]+)*$',
  description: 'A comma list of top-level fields to send, e.g. "headline,url"; id always comes',
})

export const schemas = {
  editions: { response: answers(list(Edition)) },
  sections: {
    params: Type.Object({ code: EditionCode }),
    response: answers(list(Section)),
  },
  tags: {
    querystring: Type.Object({
      edition: EditionCode,
      q: Type.Optional(Type.String({ maxLength: 100, description: 'Tags whose name starts so' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    }),
    response: answers(list(Ref)),
  },
  authors: {
    querystring: Type.Object({ edition: EditionCode }),
    response: answers(list(Author)),
  },
  articles: {
    querystring: Type.Object({
      edition: Type.Optional(EditionCode),
      section: Type.Optional(Slug),
      tag: Type.Optional(Slug),
      author: Type.Optional(Slug),
      updatedSince: Type.Optional(
        Type.String({
          maxLength: 40,
          description:
            'An ISO 8601 time with its offset: stories saved or gone public since then, oldest ' +
            'change first, for keeping a copy in sync. Without it: newest first by publication.',
        }),
      ),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
      cursor: Type.Optional(
        Type.String({ maxLength: 500, description: 'nextCursor of the previous page' }),
      ),
      fields: Type.Optional(FieldsParam),
    }),
    response: answers(
      Type.Object({ items: Type.Array(StorySummary), nextCursor: nullable(Type.String()) }),
    ),
  },
  article: {
    params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }),
    querystring: Type.Object({ fields: Type.Optional(FieldsParam) }),
    response: answers(Story),
  },
  search: {
    querystring: Type.Object({
      edition: EditionCode,
      q: Type.String({ minLength: 1, maxLength: 200 }),
      page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
    }),
  },
}
