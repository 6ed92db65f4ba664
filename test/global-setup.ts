// Before any test: the newsroom app is built, so the browser tests open what `npm start` serves.
import { buildNewsroomIfNeeded } from '../scripts/build.mjs'

export default async function setup() {
  await buildNewsroomIfNeeded()
}
