// TypeBox schemas shared by the Admin API's routes: ids, pages, errors, and a story's fields.
import { Type } from 'typebox'

export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 })
export const IdParams = Type.Object({ id: Id })
export const PageNumber = Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })
export const Status = Type.Union(
  ['draft', 'in_review', 'scheduled', 'published', 'unpublished'].map((s) => Type.Literal(s)),
)
export const Role = Type.Union(
  ['contributor', 'author', 'editor', 'admin'].map((r) => Type.Literal(r)),
)
const IdList = Type.Array(Id, { maxItems: 50 })

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      field: Type.Optional(Type.String()),
    }),
  },
  { $id: 'Error' },
)

/** The body document is checked in full by the content model; here only its outline. */
const BodyDoc = Type.Object({ type: Type.Literal('doc'), content: Type.Array(Type.Unknown()) })

export const StoryFields = {
  sectionId: Type.Optional(Id),
  headline: Type.Optional(Type.String({ maxLength: 1000 })),
  slug: Type.Optional(Type.String({ maxLength: 200 })),
  dek: Type.Optional(Type.String({ maxLength: 5000 })),
  datelinePlace: Type.Optional(Type.String({ maxLength: 500 })),
  source: Type.Optional(Type.String({ maxLength: 1000 })),
  body: Type.Optional(BodyDoc),
  leadMediaId: Type.Optional(Type.Union([Id, Type.Null()])),
  breaking: Type.Optional(Type.Boolean()),
  translationGroup: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  tagIds: Type.Optional(IdList),
  authorIds: Type.Optional(IdList),
  relatedIds: Type.Optional(IdList),
  commentMode: Type.Optional(
    Type.Union([
      ...['open', 'closed', 'premoderated', 'postmoderated'].map((m) => Type.Literal(m)),
      Type.Null(),
    ]),
  ),
}
