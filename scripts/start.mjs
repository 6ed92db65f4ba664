// `npm start`: build if the sources changed, then run the server (or another entry: `start.mjs seed`).
import { buildIfNeeded } from './build.mjs'

await buildIfNeeded()
const entry = process.argv[2] === 'seed' ? 'seed' : 'server'
await import(`../dist/${entry}.js`)
