import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText, detectEncoding } from '../../electron/backend/import/decode'
import { readSource } from '../../electron/backend/import/source'

const sample = '氏名,フリガナ,電話\r\n山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,０９０-１２３４-５６７８\r\n髙橋 ①,タカハシ,03-1234-5678\r\n'

describe('decoding the files people have', () => {
  it('reads UTF-8 with and without BOM, UTF-16 with BOM, and Excel’s Shift_JIS (CP932)', () => {
    const files: [Uint8Array, string, boolean][] = [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)]), 'utf8', true],
      [Buffer.from(sample), 'utf8', false],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sample, 'utf16le')]), 'utf16le', true],
      [iconv.encode(sample, 'Shift_JIS'), 'cp932', false],
    ]
    for (const [bytes, encoding, bom] of files) expect(decodeText(bytes)).toEqual({ text: sample, encoding, bom })
  })

  it('lets the user override the detected encoding', () => {
    const cp932 = iconv.encode('山田', 'Shift_JIS')
    const forced = decodeText(cp932, 'cp932')
    expect(forced).toMatchObject({ text: '山田', encoding: 'cp932' })
  })

  it('says so when Shift_JIS is forced on a file that reads as UTF-8 (the names come out as other kanji)', async () => {
    const bytes = Buffer.from('氏名,メール\n山田 太郎,taro@example.jp\n', 'utf8')
    const forced = await readSource({ fileName: 'forms.csv', bytes }, { encoding: 'cp932' })
    expect(forced.notes.join('')).toContain('UTF-8として読めます')
    expect((await readSource({ fileName: 'forms.csv', bytes }, { encoding: 'auto' })).notes).toEqual([])
    // Plain ASCII reads the same either way: nothing to say.
    const ascii = Buffer.from('name,email\nTaro,taro@example.jp\n')
    expect((await readSource({ fileName: 'a.csv', bytes: ascii }, { encoding: 'cp932' })).notes).toEqual([])
  })

  it('says the chosen encoding is wrong, not that the file is not text, when a text file cannot be read with it', () => {
    // Mostly kanji, so read as UTF-8 it is mostly U+FFFD.
    const names = '氏名\r\n' + '髙橋一郎\r\n山田花子\r\n粟島健\r\n'.repeat(20)
    const failed = decodeText(iconv.encode(names, 'Shift_JIS'), 'utf8')
    expect(failed).toMatchObject({ ok: false, reason: 'wrongEncoding' })
    expect('ok' in failed && failed.message).toBe(
      'このファイルはUTF-8としては読めませんでした。文字コードを「自動判定」に戻すか、別の文字コードを選んでください。',
    )
    // A file that is not text at all is still said to be so, whatever the choice.
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))
    expect(decodeText(binary, 'cp932')).toMatchObject({ ok: false, reason: 'binary' })
  })

  it('reads UTF-16 without a BOM when the user says it is UTF-16', () => {
    const le = iconv.encode(sample, 'utf16le')
    expect(decodeText(le)).toMatchObject({ ok: false, reason: 'binary' })
    for (const choice of ['utf16', 'utf16le'] as const)
      expect(decodeText(le, choice)).toEqual({ text: sample, encoding: 'utf16le', bom: false })
    expect(decodeText(iconv.encode(sample, 'utf16be'), 'utf16be')).toEqual({ text: sample, encoding: 'utf16be', bom: false })
    // A binary file is still no text, whatever the user says.
    const zip = Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000!\u0000', 'latin1')
    expect(decodeText(zip, 'utf16le')).toMatchObject({ ok: false, reason: 'binary' })
  })

  it('finds Shift_JIS past the first 64 KB of plain ASCII rows', () => {
    const ascii = Array.from(
      { length: 3000 },
      (_, i) => `${i},person${i}@example.jp,090-0000-${String(i).padStart(4, '0')}`,
    ).join('\r\n')
    const bytes = Buffer.concat([Buffer.from(ascii + '\r\n'), iconv.encode('3000,hanako@example.jp,浜田 花子\r\n', 'Shift_JIS')])
    expect(bytes.length).toBeGreaterThan(64 * 1024)
    const decoded = decodeText(bytes)
    expect(decoded).toMatchObject({ encoding: 'cp932' })
    expect('text' in decoded && decoded.text.endsWith('浜田 花子\r\n')).toBe(true)
  })

  it('refuses an empty file and a binary file renamed .csv with Japanese messages', () => {
    expect(decodeText(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty', message: expect.stringContaining('空') })
    const zip = Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000!\u0000', 'latin1')
    expect(decodeText(zip)).toMatchObject({ ok: false, reason: 'binary', message: expect.stringContaining('テキスト') })
  })

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom('auto', 'utf8', 'cp932', 'utf16le') as fc.Arbitrary<'auto'>,
        (bytes, enc) => {
          const decoded = decodeText(bytes, enc)
          expect('text' in decoded || decoded.ok === false).toBe(true)
        },
      ),
    )
    expect(detectEncoding(Buffer.from('abc'))).toEqual({ encoding: 'utf8', bom: false })
  })
})
