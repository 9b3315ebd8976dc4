import { describe, expect, it } from 'vitest'
import { freshBackend } from './tempDb'

/** A sign-in sheet of 300 rows naming two programs nobody registered (and one row of its own). */
function sheet(): string {
  const lines = ['日付,氏名,メール,プログラム']
  for (let i = 0; i < 300; i++)
    lines.push(`2024-06-${String((i % 28) + 1).padStart(2, '0')},見本 ${i}郎,p${i}@example.jp,${i < 200 ? '島の学校' : '海の塾'}`)
  lines.push('2024-07-01,見本 花子,hanako@example.jp,')
  return lines.join('\n') + '\n'
}

describe('import.issueGroups: the whole file’s repeated messages, each once', () => {
  it('one line per unregistered program with its row count, while each row keeps its own warning', async () => {
    const { client } = await freshBackend()
    const preview = await client.call('import.preview', { source: { fileName: 'sheet.csv', text: sheet() }, kind: 'visits' })
    expect(preview.mapping).toContain('program')
    expect(preview.counts).toMatchObject({ rows: 301, warnings: 300, errors: 0 })
    const column = preview.mapping.indexOf('program')
    // The row still says it (the review table marks the cell).
    expect(preview.rows[0]!.issues).toEqual([
      expect.objectContaining({
        column,
        severity: 'warning',
        message: expect.stringContaining('「島の学校」は登録されていません'),
      }),
    ])

    const groups = await client.call('import.issueGroups', { previewId: preview.previewId })
    expect(groups).toHaveLength(2)
    expect(groups[0]).toMatchObject({ severity: 'warning', column, rows: 200, lines: [2, 3, 4, 5, 6] })
    expect(groups[0]!.message).toContain('令和6年度（2024年度）の「島の学校」は登録されていません')
    // …and what to do next, once.
    expect(groups[0]!.message).toContain('「プログラム」画面でこの年度に登録してから、ファイルを読み込み直してください')
    expect(groups[1]).toMatchObject({ rows: 100, lines: [202, 203, 204, 205, 206] })
    expect(groups[1]!.message).toContain('「海の塾」は登録されていません')
  })

  it('a list with no repeated message has no groups', async () => {
    const { client } = await freshBackend()
    const preview = await client.call('import.preview', {
      source: { fileName: 'people.csv', text: '氏名,メール\n見本 太郎,taro@\n見本 次郎,jiro@example.jp\n' },
    })
    expect(preview.counts.errors + preview.counts.warnings).toBeGreaterThan(0)
    expect(await client.call('import.issueGroups', { previewId: preview.previewId })).toEqual([])
  })
})
