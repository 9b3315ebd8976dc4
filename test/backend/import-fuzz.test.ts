import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/contract/errors'
import { freshBackend } from './tempDb'

/** Text that looks like the lists people have: headers we know, ragged rows, quotes, kana, junk. */
const cellText = fc.oneof(
  fc.constantFrom(
    '氏名',
    'フリガナ',
    'メール',
    '電話',
    '住所',
    '生年月日',
    '年齢',
    '性別',
    '',
    ' ',
    '"',
    '""',
    ',',
    '\n',
    '=SUM(A1)',
    'S60.4.1',
    '令和元年5月1日',
    '45383',
    '090-0000-1111',
    'ﾔﾏﾀﾞ',
    'a@example.jp',
  ),
  fc.string({ unit: 'grapheme', maxLength: 15 }),
)
const table = fc.array(fc.array(cellText, { maxLength: 8 }), { maxLength: 12 })
const csvText = fc
  .tuple(table, fc.constantFrom(',', '\t'), fc.boolean())
  .map(([rows, sep, quote]) => rows.map((r) => r.map((c) => (quote ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join('\r\n'))

describe('import preview under random input', () => {
  it('answers a preview or a typed import error for any bytes, encoding and CSV shape — and never writes', async () => {
    const { client, context } = await freshBackend()
    const count = () =>
      (
        context.handle.sqlite
          .prepare('SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM import_batches) AS n')
          .get() as { n: number }
      ).n
    const source = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }).map((bytes) => ({ name: 'random.csv', bytes })),
      fc
        .tuple(csvText, fc.constantFrom('utf8', 'Shift_JIS', 'utf16le'))
        .map(([text, enc]) => ({ name: 'shaped.csv', bytes: new Uint8Array(iconv.encode(text, enc)) })),
      fc
        .uint8Array({ maxLength: 500 })
        .map((bytes) => ({ name: 'random.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) })),
    )
    await fc.assert(
      fc.asyncProperty(source, fc.constantFrom('auto', 'utf8', 'cp932', 'utf16le'), async ({ name, bytes }, encoding) => {
        try {
          const preview = await client.call('import.preview', {
            source: { fileName: name, base64: Buffer.from(bytes).toString('base64') },
            encoding: encoding as 'auto',
          })
          expect(preview.counts.rows).toBe(preview.counts.ok + preview.counts.errors)
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError)
          expect((error as ApiError).code).toBe('IMPORT_UNREADABLE')
        }
      }),
      { numRuns: 150 },
    )
    expect(count()).toBe(0)
  })
})
