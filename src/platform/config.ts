// The one place that reads the environment: every key typed, defaulted and checked, then frozen.
import { createECDH } from 'node:crypto'
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
  /** What feed items carry as their content: the dek (`summary`) or the whole body (`full`). */
  readonly feedContent: 'summary' | 'full'
  /** Newsletter mails each instance sends per second at most; 0: as fast as the mail server takes them. */
  readonly newsletterRate: number
  /** Subscribers per newsletter sending job. */
  readonly newsletterBatch: number
  /** The shared secret of POST /subscriptions/bounces; undefined: that endpoint is off. */
  readonly newsletterBounceSecret: string | undefined
  /** The VAPID key pair of web push, both base64url; undefined: generated into DATA_DIR at first start. */
  readonly vapidKeys: { readonly publicKey: string; readonly privateKey: string } | undefined
  /** Where push services can reach the site's operator: a mailto: or https: URL. */
  readonly vapidSubject: string
  /** Accepts push endpoints on loopback addresses, over http too: for tests and a local push service. */
  readonly pushAllowInsecureEndpoints: boolean
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
  const feedContent = read<'summary' | 'full'>('FEED_CONTENT', 'summary', (raw) =>
    raw === 'summary' || raw === 'full' ? raw : new Problem('must be summary or full'),
  )
  const newsletterRate = read('NEWSLETTER_RATE', 10, (raw) => {
    const n = Number(raw)
    return Number.isFinite(n) && n >= 0 && n <= 100_000
      ? n
      : new Problem('must be a number of mails per second from 0 (no limit) to 100000')
  })
  const newsletterBatch = read('NEWSLETTER_BATCH', 500, (raw) => {
    const n = Number(raw)
    return Number.isInteger(n) && n >= 1 && n <= 10_000
      ? n
      : new Problem('must be a whole number of subscribers from 1 to 10000')
  })
  const newsletterBounceSecret = parseBounceSecret(env.NEWSLETTER_BOUNCE_SECRET, problems)
  const vapidKeys = parseVapidKeys(env.VAPID_PUBLIC_KEY, env.VAPID_PRIVATE_KEY, problems)
  const vapidSubject = read('VAPID_SUBJECT', defaultVapidSubject(publicUrl, mailFrom), (raw) =>
    /^mailto:[^\s<>@]+@[^\s<>@]+$/.test(raw) || /^https:\/\/[^\s/]+/.test(raw)
      ? raw
      : new Problem('must be a mailto: address or an https:// URL'),
  )
  const pushAllowInsecureEndpoints = read('PUSH_ALLOW_INSECURE_ENDPOINTS', false, (raw) =>
    raw === 'true' || raw === '1'
      ? true
      : raw === 'false' || raw === '0'
        ? false
        : new Problem('must be true or false'),
  )

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
    feedContent,
    newsletterRate,
    newsletterBatch,
    newsletterBounceSecret,
    vapidKeys: vapidKeys && Object.freeze(vapidKeys),
    vapidSubject,
    pushAllowInsecureEndpoints,
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

/** The site's address when it is https, else mailto: the sender of its mail (push services need one). */
function defaultVapidSubject(publicUrl: string, mailFrom: string): string {
  if (publicUrl.startsWith('https:')) return publicUrl
  return `mailto:${/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom}`
}

/**
 * Both VAPID keys or neither: the public one a P-256 point (65 bytes), the private one its 32-byte
 * scalar, both base64url, and the pair matching. Problems never repeat the private key.
 */
function parseVapidKeys(
  publicKey: string | undefined,
  privateKey: string | undefined,
  problems: string[],
): { publicKey: string; privateKey: string } | undefined {
  if (!publicKey && !privateKey) return undefined
  const bytes = (text: string) =>
    /^[\w-]+$/.test(text) ? Buffer.from(text, 'base64url') : Buffer.alloc(0)
  const pub = bytes(publicKey ?? '')
  const priv = bytes(privateKey ?? '')
  if (!publicKey || !privateKey)
    problems.push('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together, or neither')
  else if (pub.length !== 65 || pub[0] !== 4)
    problems.push(
      `VAPID_PUBLIC_KEY must be an uncompressed P-256 public key in base64url, 87 characters (got "${publicKey}")`,
    )
  else if (priv.length !== 32)
    problems.push('VAPID_PRIVATE_KEY must be a P-256 private key in base64url, 43 characters')
  else {
    const ecdh = createECDH('prime256v1')
    let matches = false
    try {
      ecdh.setPrivateKey(priv)
      matches = ecdh.getPublicKey().equals(pub)
    } catch {}
    if (matches) return { publicKey, privateKey }
    problems.push('VAPID_PRIVATE_KEY is not the private key of VAPID_PUBLIC_KEY')
  }
  return undefined
}

/** The secret as given, or a problem that does not repeat it. */
function parseBounceSecret(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined || raw === '') return undefined
  if (/^[\x21-\x7e]{24,200}$/.test(raw)) return raw
  problems.push('NEWSLETTER_BOUNCE_SECRET must be 24 to 200 printable characters without spaces')
  return undefined
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
