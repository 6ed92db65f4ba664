// Passwords: argon2id hashes, and the rules a new password must meet.
import { type Algorithm, hash, verify } from '@node-rs/argon2'
import { invalidInput } from '../errors.ts'

// Argon2id (the enum's value 2) at OWASP's baseline: 19 MiB, two passes, one lane.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 256

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS)

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** A hash of a password nobody has: verifying against it costs what a real check costs. */
let decoy: Promise<string> | undefined
export const decoyHash = (): Promise<string> => {
  decoy ??= hashPassword('decoy password that matches nothing')
  return decoy
}

export function checkNewPassword(password: unknown, field = 'password'): string {
  if (typeof password !== 'string') throw invalidInput(field, 'password is required')
  if (password.length < PASSWORD_MIN)
    throw invalidInput(field, `password must be at least ${PASSWORD_MIN} characters`)
  if (password.length > PASSWORD_MAX)
    throw invalidInput(field, `password must be at most ${PASSWORD_MAX} characters`)
  return password
}
