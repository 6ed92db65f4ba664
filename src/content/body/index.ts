// The article body's public API: validate editor JSON, list what it references, render it.
export { type BodyReferences, collectReferences, plainText } from './references.ts'
export { Body, type BodyRenderContext } from './render.tsx'
export type * from './types.ts'
export { type BodyValidation, validateBody } from './validate.ts'
