// Where a webhook may be sent: http(s) URLs whose host resolves to public addresses only, unless
// an admin allows private ones. Checked when a hook is saved and again before every delivery.
import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

export const URL_MAX = 2_000

/** Ranges that are not the public internet: a webhook there could reach the server's own network. */
const BLOCKED_V4: [string, number][] = [
  ['0.0.0.0', 8], // unspecified, "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relays
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
]
const BLOCKED_V6: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (private)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local
  ['ff00::', 8], // multicast
]

const blocked = new BlockList()
for (const [network, prefix] of BLOCKED_V4) blocked.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of BLOCKED_V6) blocked.addSubnet(network, prefix, 'ipv6')

/** The eight 16-bit groups of an IPv6 address, a trailing dotted quad included. */
function groupsOf(address: string): number[] | undefined {
  let text = address
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number]
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const parse = (part: string) => (part ? part.split(':').map((g) => Number.parseInt(g, 16)) : [])
  const front = parse(head)
  const back = tail === undefined ? [] : parse(tail)
  const groups =
    tail === undefined
      ? front
      : [...front, ...Array(8 - front.length - back.length).fill(0), ...back]
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : undefined
}

const quadOf = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`

/**
 * The IPv4 address an IPv6 one carries, where traffic to it may end up at that IPv4 address:
 * IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4.
 */
function embeddedIpv4(groups: number[]): string | undefined {
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups
  const zeroes = (list: (number | undefined)[]) => list.every((g) => g === 0)
  if (zeroes([g0, g1, g2, g3, g4]) && (g5 === 0xffff || g5 === 0)) return quadOf(g6, g7)
  if (g0 === 0x64 && g1 === 0xff9b && zeroes([g2, g3, g4, g5])) return quadOf(g6, g7)
  if (g0 === 0x2002) return quadOf(g1 ?? 0, g2 ?? 0)
  return undefined
}

/** Whether the address is private, loopback, link-local, CGNAT, multicast or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  // A zone ("fe80::1%eth0") only ever goes with link-local addresses.
  const bare = address.replace(/%.*$/, '')
  const family = isIP(bare)
  if (family === 4) return blocked.check(bare, 'ipv4')
  if (family !== 6) return true
  const groups = groupsOf(bare)
  if (!groups) return true
  const v4 = embeddedIpv4(groups)
  if (v4 && blocked.check(v4, 'ipv4')) return true
  return blocked.check(bare, 'ipv6')
}

/** A webhook URL that is wrong in itself, whatever it resolves to; says what to fix. */
export function urlProblem(text: string): string | undefined {
  if (text.length > URL_MAX) return `The URL is longer than ${URL_MAX} characters.`
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'Enter a full address starting with https:// or http://.'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'Webhooks are sent over https:// or http:// only.'
  if (url.username || url.password)
    return 'Leave user names and passwords out of the URL: the signature authenticates each delivery.'
  if (!url.hostname) return 'The URL needs a host name.'
  return undefined
}

export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

/** The host of a URL as DNS and sockets take it: IPv6 literals without their brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1')

/** Every address the host resolves to; an IP literal is its own. */
export async function resolveHost(host: string): Promise<ResolvedAddress[]> {
  const family = isIP(host)
  if (family === 4 || family === 6) return [{ address: host, family }]
  const found = await lookup(host, { all: true, verbatim: true })
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }))
}

/** Why these addresses may not receive webhooks, or undefined when they all may. */
export function refusal(host: string, addresses: ResolvedAddress[]): string | undefined {
  const bad = addresses.find((a) => isPrivateAddress(a.address))
  if (!bad && addresses.length > 0) return undefined
  const what = bad ? `resolves to ${bad.address}, a private or loopback address` : 'has no address'
  return `${host} ${what}. Webhooks go to public addresses only, unless an admin allows private ones in the webhook settings.`
}
