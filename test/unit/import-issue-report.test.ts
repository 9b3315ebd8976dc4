import { describe, expect, it } from 'vitest'
import type { ImportPreviewRow } from '../../shared/contract/imports'
import { issueReportRows } from '../../renderer/src/features/import/issueReport'

const labels = {
  header: ['行', '種類', '列', 'ファイルの値', '内容'] as [string, string, string, string, string],
  error: 'エラー',
  warning: '警告',
  wholeRow: '（行全体）',
  columnN: (n: number) => `${n}列目`,
}
const row = (index: number, cells: string[], issues: ImportPreviewRow['issues']) =>
  ({ index, line: index + 5, cells, issues }) as unknown as ImportPreviewRow

describe('the downloadable error list', () => {
  it('one line per problem, rows in file order, errors first, whole-row problems without a value', () => {
    const rows = [
      row(
        3,
        ['', '=1+1', 'x@'],
        [
          { column: 2, severity: 'warning', message: 'w' },
          { column: 1, severity: 'error', message: 'e' },
        ],
      ),
      row(0, ['', 'b'], [{ column: -1, severity: 'error', message: '氏名（姓）がありません' }]),
    ]
    expect(issueReportRows(rows, ['氏名', 'メール'], labels)).toEqual([
      labels.header,
      [5, 'エラー', '（行全体）', '', '氏名（姓）がありません'],
      [8, 'エラー', 'メール', '=1+1', 'e'],
      [8, '警告', '3列目', 'x@', 'w'],
    ])
  })

  it('keeps one line per row for a message the screen groups: the file is fixed row by row in Excel', () => {
    const message = '令和6年度（2024年度）の「島の学校」は登録されていません。…'
    const rows = [0, 1, 2].map((i) => row(i, ['2024-06-01', '島の学校'], [{ column: 1, severity: 'warning', message }]))
    expect(issueReportRows(rows, ['日付', 'プログラム'], labels).slice(1)).toEqual([
      [5, '警告', 'プログラム', '島の学校', message],
      [6, '警告', 'プログラム', '島の学校', message],
      [7, '警告', 'プログラム', '島の学校', message],
    ])
  })
})
