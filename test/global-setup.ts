// Before any test: the newsroom app and the chat island are built, so the browser tests open what
// `npm start` serves.
import { buildChatIfNeeded, buildNewsroomIfNeeded } from '../scripts/build.mjs'

export default async function setup() {
  await buildNewsroomIfNeeded()
  await buildChatIfNeeded()
}
