// The VAPID key pair that signs every push: from the environment, or generated at first start and
// kept in DATA_DIR/vapid.json, so every instance sharing DATA_DIR (and every restart) signs alike.
import { createECDH, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import webPush from 'web-push'

export interface VapidKeys {
  /** base64url, 65 bytes: what browsers subscribe with (applicationServerKey). */
  publicKey: string
  /** base64url, 32 bytes. */
  privateKey: string
}

export interface Vapid extends VapidKeys {
  /** A mailto: or https: URL where push services can reach the site's operator. */
  subject: string
}

export const VAPID_FILE = 'vapid.json'

/** Whether the pair is a P-256 private key and its own public key, both base64url. */
export function isKeyPair(keys: Partial<VapidKeys> | null | undefined): keys is VapidKeys {
  if (typeof keys?.publicKey !== 'string' || typeof keys.privateKey !== 'string') return false
  try {
    const ecdh = createECDH('prime256v1')
    ecdh.setPrivateKey(Buffer.from(keys.privateKey, 'base64url'))
    return ecdh.getPublicKey('base64url') === keys.publicKey
  } catch {
    return false
  }
}

async function readKeys(file: string): Promise<VapidKeys> {
  const text = await fs.readFile(file, 'utf8')
  let keys: Partial<VapidKeys> | undefined
  try {
    keys = JSON.parse(text)
  } catch {}
  if (!isKeyPair(keys))
    throw new Error(
      `${file} does not hold a VAPID key pair; restore it from a backup, or delete it to make new keys (browsers then have to subscribe again)`,
    )
  return { publicKey: keys.publicKey, privateKey: keys.privateKey }
}

/**
 * The keys in DATA_DIR, made when there are none. Written whole under a temporary name and then
 * linked to vapid.json, which fails if the file exists: of two instances starting together, one
 * link wins and both read its keys, never a half-written file.
 */
export async function storedVapidKeys(dataDir: string): Promise<VapidKeys> {
  const file = path.join(dataDir, VAPID_FILE)
  try {
    return await readKeys(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  await fs.mkdir(dataDir, { recursive: true })
  const keys = webPush.generateVAPIDKeys()
  const temporary = path.join(dataDir, `.vapid-${randomBytes(6).toString('hex')}.json`)
  await fs.writeFile(temporary, `${JSON.stringify(keys, null, 2)}\n`, { flag: 'wx', mode: 0o600 })
  try {
    await fs.link(temporary, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    await fs.rm(temporary, { force: true })
  }
  return readKeys(file)
}

/** The configured keys, or those kept in DATA_DIR. */
export async function loadVapid(config: {
  vapidKeys: VapidKeys | undefined
  vapidSubject: string
  dataDir: string
}): Promise<Vapid> {
  const keys = config.vapidKeys ?? (await storedVapidKeys(config.dataDir))
  return { ...keys, subject: config.vapidSubject }
}
