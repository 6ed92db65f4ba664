// Which addresses and URLs may receive webhooks: every private range, in every spelling.
import { describe, expect, it } from 'vitest'
import { isPrivateAddress, urlProblem } from './webhook-address.ts'

const PRIVATE = [
  '0.0.0.0',
  '10.0.0.1',
  '100.64.0.1',
  '100.127.255.254',
  '127.0.0.1',
  '127.255.255.255',
  '169.254.169.254',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '224.0.0.251',
  '255.255.255.255',
  '::',
  '::1',
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '::ffff:10.0.0.1',
  '::ffff:169.254.169.254',
  '::127.0.0.1',
  '64:ff9b::a9fe:a9fe',
  '2002:c0a8:0101::1',
  'fc00::1',
  'fd12:3456:789a::1',
  'fe80::1',
  'fe80::1%eth0',
  'ff02::1',
  'not an address',
]
const PUBLIC = [
  '93.184.215.14',
  '8.8.8.8',
  '100.63.255.255',
  '100.128.0.1',
  '172.32.0.1',
  '2606:4700:4700::1111',
  '::ffff:8.8.8.8',
  '2002:0808:0808::1',
]

describe('webhook addresses', () => {
  it.each(PRIVATE)('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true)
  })
  it.each(PUBLIC)('accepts %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false)
  })

  it.each([
    ['https://partner.example/hooks?x=1', undefined],
    ['http://93.184.215.14:8080/', undefined],
    ['ftp://partner.example/', 'Webhooks are sent over https:// or http:// only.'],
    ['javascript:alert(1)', 'Webhooks are sent over https:// or http:// only.'],
    ['https://user@partner.example/', expect.stringContaining('user names and passwords')],
    ['partner.example/hooks', 'Enter a full address starting with https:// or http://.'],
    [`https://partner.example/${'x'.repeat(2_000)}`, 'The URL is longer than 2000 characters.'],
  ])('checks the URL %s', (url, problem) => {
    expect(urlProblem(url)).toEqual(problem)
  })
})
