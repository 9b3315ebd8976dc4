import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/contract/errors'
import { freshBackend } from './tempDb'

/** Cells that look like sign-in sheets and program lists: known headers, dates, junk. */
const cellText = fc.oneof(
  fc.constantFrom(
    '日付',
    '氏名',
    '連絡先',
    '参加形態',
    '事業名',
    '年度',
    '開催日',
    '時間',
    '会場',
    '定員',
    '',
    '"',
    ',',
    '\n',
    '=SUM(A1)',
    'R6.6.1',
    '令和元年5月1日',
    '45383',
    '13:00〜15:00',
    'ﾔﾏﾀﾞ',
    'a@example.jp',
    '第2回',
    'オンライン',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
)
const csvText = fc
  .array(fc.array(cellText, { maxLength: 8 }), { maxLength: 10 })
  .map((rows) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n'))

describe('visits and programs previews under random input', () => {
  it('answer a preview or a typed import error for any bytes and shape — and never write', async () => {
    const { client, context } = await freshBackend()
    const written = () =>
      (
        context.handle.sqlite
          .prepare(
            'SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM visits) + (SELECT count(*) FROM programs) + (SELECT count(*) FROM import_batches) AS n',
          )
          .get() as { n: number }
      ).n
    const source = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.tuple(csvText, fc.constantFrom('utf8', 'Shift_JIS')).map(([text, enc]) => new Uint8Array(iconv.encode(text, enc))),
    )
    let previews = 0
    await fc.assert(
      fc.asyncProperty(source, fc.constantFrom('visits' as const, 'programs' as const), async (bytes, kind) => {
        try {
          const preview = await client.call('import.preview', {
            source: { fileName: 'random.csv', base64: Buffer.from(bytes).toString('base64') },
            kind,
          })
          previews++
          expect(preview.kind).toBe(kind)
          expect(preview.counts.rows).toBe(preview.counts.ok + preview.counts.errors)
          expect(preview.mapping.every((f) => preview.fields.includes(f))).toBe(true)
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError)
          expect((error as ApiError).code).toBe('IMPORT_UNREADABLE')
        }
      }),
      { numRuns: 120 },
    )
    expect(written()).toBe(0)
    expect(previews).toBeGreaterThan(10) // the property exercised the readers, not only the refusals
  })
})
