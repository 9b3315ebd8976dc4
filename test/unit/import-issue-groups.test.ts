import { describe, expect, it } from 'vitest'
import type { CellIssue } from '../../shared/domain/import/personRow'
import { repeatedIssues } from '../../shared/domain/import/issueGroups'

const unknown =
  '2024年度の「島の学校」は登録されていません。プログラムに結び付けない訪問記録として取り込みます。' +
  'プログラムへの参加として記録するには、取り込む前に「プログラム」画面でこの年度に登録してから、ファイルを読み込み直してください'
const other = unknown.replace('島の学校', '海の塾')
const row = (line: number, ...issues: CellIssue[]) => ({ line, read: { issues } })
const warn = (message: string, column = 3): CellIssue => ({ column, severity: 'warning', message })

describe('messages repeated over a file, said once', () => {
  it('one group per unregistered program, with its row count and first lines; one-offs stay row by row', () => {
    const rows = [
      ...Array.from({ length: 300 }, (_, i) => row(i + 2, warn(i < 200 ? unknown : other))),
      row(302, { column: 0, severity: 'error', message: '存在しない日付です' }),
      row(303, warn('オンラインの開催回（2024-06-01）への参加のため泊数は0にします', 5)),
    ]
    expect(repeatedIssues(rows)).toEqual([
      { severity: 'warning', column: 3, message: unknown, rows: 200, lines: [2, 3, 4, 5, 6] },
      { severity: 'warning', column: 3, message: other, rows: 100, lines: [202, 203, 204, 205, 206] },
    ])
  })

  it('errors before warnings; the same words in another column or severity are another group', () => {
    const e: CellIssue = { column: 1, severity: 'error', message: 'メールアドレスの形式が正しくありません' }
    const rows = [1, 2, 3].map((n) => row(n, warn(unknown), warn(unknown, 4), e, e))
    const groups = repeatedIssues(rows)
    expect(groups.map((g) => [g.severity, g.column, g.rows])).toEqual([
      ['error', 1, 3],
      ['warning', 3, 3],
      ['warning', 4, 3],
    ])
    // Two rows alike are still listed row by row.
    expect(repeatedIssues(rows.slice(0, 2))).toEqual([])
  })
})
