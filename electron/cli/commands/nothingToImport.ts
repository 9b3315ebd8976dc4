import { ApiError } from '../../../shared/contract/errors'

interface ReadRow {
  line: number
  read: { ok: boolean; issues: readonly { severity: string; message: string }[] }
}

/**
 * A file with nothing to import — only its header, or an error on every row (most often the
 * wrong mapping or encoding) — is refused before anything is written, with the first problems,
 * so a script sees a non-zero exit rather than an empty import recorded as done.
 */
export function refuseNothingToImport(counts: { rows: number; ok: number }, rows: readonly ReadRow[]): void {
  if (counts.ok > 0) return
  if (counts.rows === 0)
    throw ApiError.from(
      'IMPORT_UNREADABLE',
      { rows: 0 },
      'データの行がありません（見出しの行だけのファイルです）。何も書き込んでいません。',
    )
  const examples = rows
    .filter((r) => !r.read.ok)
    .slice(0, 3)
    .map((r) => `${r.line}行目: ${r.read.issues.find((i) => i.severity === 'error')?.message ?? 'エラー'}`)
  throw ApiError.from(
    'IMPORT_UNREADABLE',
    { rows: counts.rows, errors: examples },
    `取り込める行がありません（${counts.rows}行すべてにエラーがあります。${examples.join('／')}）。--mapping や --encoding を確かめてください。何も書き込んでいません。`,
  )
}
