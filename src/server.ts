// Starts Dateline: read config, open and migrate the database, seed an empty one, listen, stop cleanly.
import { seedDemo } from './content/demo/seed-demo.ts'
import { buildApp } from './main.ts'
import { ConfigError, loadConfig } from './platform/config.ts'
import { openDatabase } from './platform/db/database.ts'
import { migrateToLatest } from './platform/db/migrate.ts'

async function start() {
  const config = loadConfig()
  const database = openDatabase(config.database, (error) =>
    console.error(`Database connection lost: ${error.message}`),
  )
  await migrateToLatest(database.db)
  const empty =
    (await database.db.selectFrom('editions').select('id').limit(1).execute()).length === 0
  if (empty && config.demoArticles > 0) {
    await seedDemo(
      { db: database.db, dialect: database.dialect, dataDir: config.dataDir, now: new Date() },
      { articles: config.demoArticles },
    )
  }
  const { app, jobs, services } = await buildApp(config, { database })

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) {
      app.log.warn(`${signal} again: exiting without waiting`)
      process.exit(1)
    }
    stopping = true
    app.log.info(`${signal}: finishing requests in flight, then stopping`)
    await app.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))

  await app.listen({
    port: config.port,
    host: config.host,
    // Thousands of readers' streams reconnect at once after a restart; Node's default queue is 511.
    backlog: 4096,
    listenTextResolver: (address) => `${config.siteName} is running at ${address}`,
  })
  jobs.start()
  const setupPath = await services.staff.setupLink()
  // Printed, not logged: the owner opens it once to create the first account. With PORT=0 the
  // configured address has no real port, so the one listened on is used.
  const address = app.server.address()
  const base =
    config.port === 0 && address && typeof address === 'object'
      ? `http://${config.host}:${address.port}`
      : config.publicUrl
  if (setupPath) {
    // After the line that says where the server runs, which fastify writes on the next turn.
    await new Promise((resolve) => setImmediate(resolve))
    console.log(`Create the owner account of the newsroom: ${base}${setupPath}`)
  }
}

start().catch((error: unknown) => {
  // One line saying what stopped the start; the stack only when asked for.
  if (error instanceof ConfigError) console.error(error.message)
  else if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace')
    console.error(error)
  else console.error(`Dateline could not start: ${describe(error)}`)
  process.exit(1)
})

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string; port?: number }
  if (e.code === 'EADDRINUSE')
    return `port ${e.port ?? ''} is already in use (set PORT to another one)`
  if (e.code === 'ECONNREFUSED') return `the database refused the connection (${e.message})`
  return e.message ?? String(error)
}
