// The seed command: fills the configured database with demo stories (npm run seed -- --articles N).
import { parseArgs } from 'node:util'
import { seedDemo } from './content/demo/seed-demo.ts'
import { ConfigError, loadConfig } from './platform/config.ts'
import { openDatabase } from './platform/db/database.ts'
import { migrateToLatest } from './platform/db/migrate.ts'

const USAGE = 'Usage: npm run seed -- [--articles N] [--reset] [--seed N]'

// Children before parents, so no foreign key is left pointing at a deleted row.
const CONTENT_TABLES = [
  'article_related',
  'article_authors',
  'article_tags',
  'articles',
  'authors',
  'tags',
  'sections',
  'media_assets',
  'editions',
] as const

interface SeedArguments {
  articles: number | undefined
  reset: boolean
  seed: number | undefined
  help: boolean
}

function parseArguments(args: string[]): SeedArguments | null {
  const wholeNumber = (raw: string | undefined, max: number) => {
    if (raw === undefined) return undefined
    const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN
    return n <= max ? n : Number.NaN
  }
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        articles: { type: 'string' },
        reset: { type: 'boolean', default: false },
        seed: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    })
    const articles = wholeNumber(values.articles, 1_000_000)
    const seed = wholeNumber(values.seed, 0xffffffff)
    if (Number.isNaN(articles) || Number.isNaN(seed)) return null
    return { articles, seed, reset: values.reset, help: values.help }
  } catch {
    return null
  }
}

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2))
  if (!args || args.help) {
    console.error(USAGE)
    return args ? 0 : 2
  }
  const config = loadConfig()
  const database = openDatabase(config.database)
  try {
    await migrateToLatest(database.db)
    const started = performance.now()
    if (args.reset) {
      await database.db.transaction().execute(async (trx) => {
        for (const table of CONTENT_TABLES) await trx.deleteFrom(table).execute()
      })
    }
    const result = await seedDemo(
      { db: database.db, dialect: database.dialect, dataDir: config.dataDir, now: new Date() },
      { articles: args.articles ?? config.demoArticles, seed: args.seed },
    )
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`Seeded ${result.articles} demo stories in ${seconds} s`)
    return 0
  } finally {
    await database.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message)
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    process.exit(1)
  },
)
