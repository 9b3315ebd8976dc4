import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../shared/domain/csv'
import { parseDelimited } from '../../shared/domain/import/delimited'
import type { AnyImportField } from '../../shared/domain/import/kinds'
import { columnsToSave } from '../../shared/domain/import/savedMapping'
import { freshBackend } from './tempDb'

const formsText = fs.readFileSync(path.resolve('test/fixtures/import/google-forms-utf8.csv'), 'utf8')

/** The same file with its columns in another order. */
function reordered(text: string, order: number[]): string {
  return toCsv(parseDelimited(text).rows.map((row) => order.map((i) => row[i] ?? '')))
}

const contactsColumns = [
  { header: 'お名前', field: 'fullName' as const },
  { header: 'メールアドレス', field: 'email' as const },
]

describe('saved mappings', () => {
  it('are saved, listed, overwritten only when asked, and deleted', async () => {
    const { client } = await freshBackend()
    const saved = await client.call('import.mappings.save', { name: ' 申込フォーム ', columns: contactsColumns })
    expect(saved).toMatchObject({ name: '申込フォーム', kind: 'contacts', columns: contactsColumns })
    expect(await client.call('import.mappings.list', { kind: 'contacts' })).toEqual([saved])
    expect(await client.call('import.mappings.list', { kind: 'visits' })).toEqual([])

    const changed = [{ header: 'お名前', field: 'fullName' as const }]
    await expect(client.call('import.mappings.save', { name: '申込フォーム', columns: changed })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('上書きしますか'),
    })
    expect((await client.call('import.mappings.list', {}))[0]!.columns).toEqual(contactsColumns)
    const over = await client.call('import.mappings.save', { name: '申込フォーム', columns: changed, overwrite: true })
    expect(over).toMatchObject({ id: saved.id, columns: changed })
    expect(await client.call('import.mappings.list', {})).toHaveLength(1)

    expect(await client.call('import.mappings.delete', { id: saved.id })).toEqual({ deleted: true })
    expect(await client.call('import.mappings.list', {})).toEqual([])
    await expect(client.call('import.mappings.delete', { id: saved.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('refuses a blank name, no columns and fields of another kind, in Japanese', async () => {
    const { client } = await freshBackend()
    await expect(client.call('import.mappings.save', { name: '  ', columns: contactsColumns })).rejects.toMatchObject({
      code: 'INVALID_ARGS',
      details: { issues: [expect.objectContaining({ message: '対応付けの名前を入力してください' })] },
    })
    await expect(client.call('import.mappings.save', { name: 'x', columns: [] })).rejects.toMatchObject({
      code: 'INVALID_ARGS',
      details: { issues: [expect.objectContaining({ message: expect.stringContaining('保存する列がありません') })] },
    })
    await expect(
      client.call('import.mappings.save', { name: 'x', columns: [{ header: '参加日', field: 'visitDate' }] }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGS', message: expect.stringContaining('「参加日」') })
    expect(await client.call('import.mappings.list', {})).toEqual([])
  })

  it('a preview with mappingName reads a file whose columns moved into the same drafts', async () => {
    const { client } = await freshBackend()
    const first = await client.call('import.preview', { source: { fileName: 'forms.csv', text: formsText } })
    // The user's own choices: the timestamp is the consent date, the reading is left out.
    const mapping: AnyImportField[] = first.mapping.map((f, i) => (i === 0 ? 'consentDate' : f === 'fullKana' ? 'ignore' : f))
    const chosen = await client.call('import.preview', {
      source: { fileName: 'forms.csv', text: formsText },
      headerRow: first.headerRow,
      mapping,
    })
    await client.call('import.mappings.save', { name: 'フォーム', columns: columnsToSave(chosen.headers, chosen.mapping) })

    const order = [8, 3, 0, 7, 1, 6, 2, 5, 4]
    const moved = await client.call('import.preview', {
      source: { fileName: 'moved.csv', text: reordered(formsText, order) },
      mappingName: 'フォーム',
    })
    expect(moved.savedMapping).toEqual({ name: 'フォーム', missing: [] })
    expect(moved.mapping).toEqual(order.map((i) => chosen.mapping[i]))
    expect(moved.counts).toEqual(chosen.counts)
    expect(moved.rows.map((r) => r.draft)).toEqual(chosen.rows.map((r) => r.draft))
    expect(chosen.rows[0]!.draft.familyKana).toBeNull()

    // A renamed column is reported, and its column gets the suggestion.
    const renamed = formsText.replace('メールアドレス', '連絡先メール')
    const again = await client.call('import.preview', { source: { fileName: 'r.csv', text: renamed }, mappingName: 'フォーム' })
    expect(again.savedMapping).toEqual({ name: 'フォーム', missing: ['メールアドレス'] })
    expect(again.mapping[3]).toBe('email')
  })

  it('an unknown mappingName is refused with the saved names, before reading', async () => {
    const { client } = await freshBackend()
    await client.call('import.mappings.save', { name: '名簿A', columns: contactsColumns })
    await expect(
      client.call('import.preview', { source: { fileName: 'f.csv', text: formsText }, mappingName: 'ない' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('「名簿A」') })
  })
})

describe('fixing a row in place', () => {
  const text = [
    'お名前,メールアドレス,電話番号',
    '山田 太郎,taro@example.jp,090-1111-2222',
    '川口 花子,hanako@@example,090-3333-4444',
    '森 次郎,jiro@example.jp,',
  ].join('\n')

  it('re-reads the row, updates counts and duplicates, and the commit writes the fixed value', async () => {
    const { client, context } = await freshBackend()
    const preview = await client.call('import.preview', { source: { fileName: 'fix.csv', text } })
    expect(preview.counts).toMatchObject({ rows: 3, ok: 2, errors: 1, duplicates: 0 })
    const bad = preview.rows[1]!
    expect(bad.ok).toBe(false)
    expect(bad.issues.some((i) => i.column === 1 && i.severity === 'error')).toBe(true)

    const fixed = await client.call('import.fixRow', {
      previewId: preview.previewId,
      index: bad.index,
      cells: ['川口 花子', ' hanako@example.jp ', '090-3333-4444'],
    })
    expect(fixed.row).toMatchObject({ index: 1, line: bad.line, ok: true, issues: [] })
    expect(fixed.row.draft.email).toBe('hanako@example.jp')
    expect(fixed.counts).toMatchObject({ rows: 3, ok: 3, errors: 0 })
    const page = await client.call('import.previewRows', { previewId: preview.previewId, filter: 'errors' })
    expect(page.total).toBe(0)

    // A fix can make the row a duplicate of another row of the file; the counts follow.
    const twin = await client.call('import.fixRow', {
      previewId: preview.previewId,
      index: 2,
      cells: ['山田 太郎', 'taro@example.jp'],
    })
    expect(twin.row.duplicates).toEqual([expect.objectContaining({ row: 0, name: '山田 太郎' })])
    expect(twin.row.cells).toEqual(['山田 太郎', 'taro@example.jp', '']) // the unshown column kept
    expect(twin.counts.duplicates).toBe(1)
    await client.call('import.fixRow', { previewId: preview.previewId, index: 2, cells: ['森 次郎', 'jiro@example.jp', ''] })

    const result = await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'skip' })
    expect(result).toMatchObject({ created: 3, errors: 0 })
    const stored = context.handle.sqlite.prepare(`SELECT email FROM contacts WHERE family_name = '川口'`).get() as {
      email: string
    }
    expect(stored.email).toBe('hanako@example.jp')
  })

  it('finds people already in the database for the fixed row', async () => {
    const { client } = await freshBackend()
    await client.call('import.commit', {
      previewId: (
        await client.call('import.preview', { source: { fileName: 'a.csv', text: 'お名前,メール\n森 次郎,jiro@example.jp' } })
      ).previewId,
    })
    const preview = await client.call('import.preview', { source: { fileName: 'fix.csv', text } })
    expect(preview.counts.duplicates).toBe(1)
    const fixed = await client.call('import.fixRow', {
      previewId: preview.previewId,
      index: 1,
      cells: ['森 次郎', 'jiro@example.jp', ''],
    })
    expect(fixed.row.duplicates[0]).toMatchObject({ contactId: expect.any(String), name: '森 次郎' })
    expect(fixed.counts.duplicates).toBe(2)
    // Both rows are the stored 森 次郎 for certain (same e-mail): each is matched to him, not to
    // the other row, so both merge into the one person.
    const dups = await client.call('import.previewRows', { previewId: preview.previewId, filter: 'duplicates' })
    const stored = fixed.row.duplicates[0]!.contactId
    for (const index of [1, 2])
      expect(dups.rows.find((r) => r.index === index)!.duplicates).toEqual([
        expect.objectContaining({ contactId: stored, score: 100 }),
      ])
  })

  it('refuses an unknown preview or row with a typed error and changes nothing', async () => {
    const { client } = await freshBackend()
    await expect(
      client.call('import.fixRow', { previewId: '00000000-0000-4000-8000-000000000000', index: 0, cells: ['a'] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('もう一度ファイルを読み込んで') })
    const preview = await client.call('import.preview', { source: { fileName: 'fix.csv', text } })
    await expect(client.call('import.fixRow', { previewId: preview.previewId, index: 3, cells: ['a'] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(client.call('import.fixRow', { previewId: preview.previewId, index: -1, cells: [] })).rejects.toMatchObject({
      code: 'INVALID_ARGS',
    })
    const page = await client.call('import.previewRows', { previewId: preview.previewId })
    expect(page.rows.map((r) => r.cells)).toEqual(preview.rows.map((r) => r.cells))
  })
})
