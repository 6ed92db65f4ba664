// The one place that reads the environment: every key typed, defaulted and checked, then frozen.
import path from 'node:path'

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; schema?: string }

export interface Config {
  readonly port: number
  readonly host: string
  readonly database: DatabaseConfig
  readonly publicUrl: string
  readonly siteName: string
  readonly dataDir: string
  readonly defaultEdition: string
  readonly logLevel: string
  readonly metrics: boolean
  readonly demoArticles: number
  /** Memory for rendered public pages, per instance; 0 turns the page cache off. */
  readonly pageCacheBytes: number
  /** Redis for the event bus between instances; in-process when absent. */
  readonly redisUrl: string | undefined
  /** The largest photo the media library takes. */
  readonly maxUploadBytes: number
  /** smtp:// or smtps:// with optional user:password; mail is kept in DATA_DIR/outbox without it. */
  readonly smtpUrl: string | undefined
  /** The From of every mail sent: "Name <address>" or an address. */
  readonly mailFrom: string
  /** Origins whose pages may call the Content API from a browser; `*` for any; empty: no CORS. */
  readonly apiCorsOrigins: readonly string[]
}

export class ConfigError extends Error {}

class Problem {
  constructor(readonly message: string) {}
}

type Env = Record<string, string | undefined>

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = []
  // A parser returns the value, or a Problem saying what is wrong with the raw text.
  const read = <T>(name: string, fallback: T, parse: (raw: string) => T | Problem): T => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = parse(raw)
    if (value instanceof Problem) {
      problems.push(`${name} ${value.message} (got "${raw}")`)
      return fallback
    }
    return value
  }

  const port = read('PORT', 3000, (raw) => {
    const n = Number(raw)
    return Number.isInteger(n) && n >= 0 && n <= 65535
      ? n
      : new Problem('must be an integer from 0 to 65535')
  })
  const host = read('HOST', '127.0.0.1', (raw) => raw)
  const dataDir = path.resolve(read('DATA_DIR', './data', (raw) => raw))
  const publicUrl = read(
    'PUBLIC_URL',
    `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    (raw) => {
      try {
        const url = new URL(raw)
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
          return new Problem('must be an http(s) URL')
        return url.origin + url.pathname.replace(/\/+$/, '')
      } catch {
        return new Problem('must be an absolute URL such as https://news.example.com')
      }
    },
  )
  const siteName = read('SITE_NAME', 'Dateline', (raw) =>
    raw.trim().length > 0 && raw.length <= 80
      ? raw.trim()
      : new Problem('must be 1 to 80 characters'),
  )
  const defaultEdition = read('DEFAULT_EDITION', 'en', (raw) =>
    /^[a-z]{2,3}(-[a-z]{2})?$/.test(raw)
      ? raw
      : new Problem('must be an edition code such as "en"'),
  )
  const logLevel = read('LOG_LEVEL', 'info', (raw) =>
    LOG_LEVELS.includes(raw) ? raw : new Problem(`must be one of ${LOG_LEVELS.join(', ')}`),
  )
  const metrics = read('METRICS', false, (raw) =>
    raw === 'true' || raw === '1'
      ? true
      : raw === 'false' || raw === '0'
        ? false
        : new Problem('must be true or false'),
  )
  const demoArticles = read('DEMO_ARTICLES', 300, (raw) => {
    const n = Number(raw)
    return Number.isInteger(n) && n >= 0 && n <= 1_000_000
      ? n
      : new Problem('must be an integer from 0 to 1000000')
  })
  const redisUrl = read<string | undefined>('REDIS_URL', undefined, (raw) =>
    /^rediss?:\/\/\S+$/.test(raw) ? raw : new Problem('must be a redis:// or rediss:// URL'),
  )
  const pageCacheMb = read('PAGE_CACHE_MB', 64, (raw) => {
    const n = Number(raw)
    return Number.isInteger(n) && n >= 0 && n <= 65_536
      ? n
      : new Problem('must be a whole number of megabytes (0 to 65536)')
  })
  const maxUploadMb = read('MAX_UPLOAD_MB', 25, (raw) => {
    const n = Number(raw)
    return Number.isInteger(n) && n >= 1 && n <= 1024
      ? n
      : new Problem('must be a whole number of megabytes (1 to 1024)')
  })
  const database = parseDatabaseUrl(env.DATABASE_URL, dataDir, problems)
  const smtpUrl = parseSmtpUrl(env.SMTP_URL, problems)
  const mailFrom = read('MAIL_FROM', defaultMailFrom(siteName, publicUrl), (raw) =>
    /^([^\r\n<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(raw.trim())
      ? raw.trim()
      : new Problem('must be an address such as "The Ledger <news@example.com>"'),
  )

  const apiCorsOrigins = read<readonly string[]>('API_CORS_ORIGINS', [], parseOrigins)

  if (problems.length > 0) throw new ConfigError(`Configuration error: ${problems.join('; ')}`)
  return Object.freeze({
    port,
    host,
    database: Object.freeze(database),
    publicUrl,
    siteName,
    dataDir,
    defaultEdition,
    logLevel,
    metrics,
    demoArticles,
    redisUrl,
    pageCacheBytes: pageCacheMb * 1024 * 1024,
    maxUploadBytes: maxUploadMb * 1024 * 1024,
    smtpUrl,
    mailFrom,
    apiCorsOrigins: Object.freeze(apiCorsOrigins),
  })
}

function parseDatabaseUrl(
  raw: string | undefined,
  dataDir: string,
  problems: string[],
): DatabaseConfig {
  if (raw === undefined || raw === '')
    return { dialect: 'sqlite', file: path.join(dataDir, 'dateline.db') }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      new URL(raw)
      return { dialect: 'postgres', url: raw }
    } catch {
      problems.push(`DATABASE_URL is not a valid postgres:// URL (got "${raw}")`)
    }
  } else if (raw.startsWith('sqlite:') || raw.startsWith('file:')) {
    const file = raw.replace(/^(sqlite|file):(\/\/)?/, '')
    if (file === ':memory:') return { dialect: 'sqlite', file }
    if (file.length > 0) return { dialect: 'sqlite', file: path.resolve(file) }
    problems.push(`DATABASE_URL names no SQLite file (got "${raw}")`)
  } else {
    problems.push(`DATABASE_URL must start with postgres:// or sqlite: (got "${raw}")`)
  }
  return { dialect: 'sqlite', file: path.join(dataDir, 'dateline.db') }
}

/** "https://a.example, http://localhost:5173" or "*": origins as browsers send them. */
function parseOrigins(raw: string): readonly string[] | Problem {
  const origins = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  for (const origin of origins) {
    if (origin === '*') continue
    let parsed: URL | undefined
    try {
      parsed = new URL(origin)
    } catch {}
    if (
      !parsed ||
      (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
      parsed.origin !== origin.replace(/\/$/, '')
    )
      return new Problem(
        'must be "*" or a comma list of origins such as https://partner.example.com (scheme, host and port only)',
      )
  }
  return origins.map((origin) => origin.replace(/\/$/, ''))
}

/** `Site Name <no-reply@host of PUBLIC_URL>`, the name quoted when it holds address syntax. */
function defaultMailFrom(siteName: string, publicUrl: string): string {
  const name = /[()<>[\]:;@\\,."]/.test(siteName)
    ? `"${siteName.replace(/["\\]/g, '\\$&')}"`
    : siteName
  return `${name} <no-reply@${new URL(publicUrl).hostname}>`
}

/** The URL as given, or a problem that does not repeat its password. */
function parseSmtpUrl(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined || raw === '') return undefined
  try {
    const url = new URL(raw)
    if ((url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '') return raw
  } catch {}
  const shown = raw.replace(/\/\/([^:/@]*):[^/@]*@/, '//$1:***@')
  problems.push(
    `SMTP_URL must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example.com (got "${shown}")`,
  )
  return undefined
}
