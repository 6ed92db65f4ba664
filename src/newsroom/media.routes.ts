// The Admin API's media library: the grid with search, uploads, and editing a photo's texts.
import { Type } from 'typebox'
import type { MediaLibrary } from '../media/media-library.service.ts'
import { DomainError } from '../platform/errors.ts'
import { IdParams, PageNumber } from './admin.schemas.ts'
import type { AdminApp } from './admin-api.ts'
import { allowed, signedIn } from './session.http.ts'

export function mediaLibraryRoutes(deps: { media: MediaLibrary; maxUploadBytes: number }) {
  const { media } = deps
  return async (api: AdminApp) => {
    api.get(
      '/media',
      {
        schema: {
          tags: ['media'],
          querystring: Type.Object({
            q: Type.Optional(Type.String({ maxLength: 200 })),
            page: PageNumber,
          }),
        },
      },
      async (request) => {
        signedIn(request)
        return media.list(request.query)
      },
    )

    api.get('/media/:id', { schema: { tags: ['media'], params: IdParams } }, async (request) => {
      signedIn(request)
      return media.get(request.params.id)
    })

    api.post(
      '/media',
      { schema: { tags: ['media'], consumes: ['multipart/form-data'] } },
      async (request, reply) => {
        const actor = allowed(request, 'media.upload')
        if (!request.isMultipart())
          throw new DomainError(
            'unsupported_media',
            'Send the photo as multipart/form-data, in a field named "file".',
          )
        const part = await request.file()
        if (!part) throw new DomainError('invalid_input', 'No file was sent', 'file')
        const data = await part.toBuffer().catch((error: { code?: string }) => {
          if (error.code === 'FST_REQ_FILE_TOO_LARGE')
            throw new DomainError(
              'too_large',
              `The file is larger than ${Math.round(deps.maxUploadBytes / 1024 / 1024)} MB.`,
              'file',
            )
          throw error
        })
        const item = await media.upload({
          data,
          filename: part.filename,
          declaredType: part.mimetype,
          staffId: actor.id,
        })
        return reply.code(201).send(item)
      },
    )

    api.patch(
      '/media/:id',
      {
        schema: {
          tags: ['media'],
          params: IdParams,
          body: Type.Object({
            caption: Type.Optional(Type.String({ maxLength: 5000 })),
            credit: Type.Optional(Type.String({ maxLength: 1000 })),
            alt: Type.Optional(Type.String({ maxLength: 2000 })),
            focalX: Type.Optional(Type.Number()),
            focalY: Type.Optional(Type.Number()),
          }),
        },
      },
      async (request) => {
        allowed(request, 'media.edit')
        return media.update(request.params.id, request.body)
      },
    )
  }
}
