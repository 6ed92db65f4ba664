// Subscriber CSV: quoting both ways, formulas kept as text, and the import's line-by-line reading.
import { describe, expect, it } from 'vitest'
import { parseCsv, readImport, subscribersCsv } from './newsletter-csv.ts'

const NOW = new Date('2026-02-14T12:00:00Z')

describe('subscriber CSV', () => {
  it('quotes what needs it, keeps formulas as text, and reads its own output back', () => {
    const csv = subscribersCsv([
      {
        id: 1,
        editionId: 1,
        email: '"odd,one"@example.com',
        readerId: null,
        lists: ['digest', 'breaking'],
        status: 'confirmed',
        source: 'import',
        consentAt: new Date('2025-01-02T03:04:05Z'),
        createdAt: NOW,
        unsubscribedAt: null,
      },
      {
        id: 2,
        editionId: 1,
        email: '=sum@example.com',
        readerId: null,
        lists: [],
        status: 'unsubscribed',
        source: 'form',
        consentAt: null,
        createdAt: NOW,
        unsubscribedAt: NOW,
      },
    ])
    expect(csv.split('\r\n')[1]).toBe(
      '"""odd,one""@example.com",digest;breaking,confirmed,2025-01-02T03:04:05.000Z,2026-02-14T12:00:00.000Z,import',
    )
    expect(csv).toContain("'=sum@example.com,")
    const records = parseCsv(csv)
    expect(records.map((r) => r.fields[0])).toEqual([
      'email',
      '"odd,one"@example.com',
      "'=sum@example.com",
    ])
    const read = readImport(csv, NOW)
    expect(read.rows.map((r) => r.email)).toEqual(['"odd,one"@example.com'])
    expect(read.problems).toEqual([
      { line: 3, message: 'not imported: its status is unsubscribed' },
    ])
  })

  it('reads quoted fields over several lines and numbers records by their first line', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x\ny",2\n\nlast,"q""q"')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', '2'] },
      { line: 5, fields: ['last', 'q"q'] },
    ])
  })

  it('merges duplicates, defaults to both lists, and says what is wrong with each bad line', () => {
    const { rows, problems } = readImport(
      [
        'Email,Consent_At',
        'a@example.com,2025-01-01',
        'A@example.com,2025-02-01T10:00:00+03:00',
        'b@example.com,',
        'c@example.com,yesterday',
      ].join('\n'),
      NOW,
    )
    expect(rows).toEqual([
      {
        line: 2,
        email: 'a@example.com',
        lists: ['digest', 'breaking'],
        consentAt: new Date('2025-02-01T07:00:00Z'),
      },
    ])
    expect(problems).toEqual([
      { line: 4, message: 'consent_at must be a date such as 2026-02-14' },
      { line: 5, message: 'consent_at must be a date such as 2026-02-14' },
    ])
  })
})
