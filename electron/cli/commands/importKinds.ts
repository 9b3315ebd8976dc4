import { passphraseFromEnv } from './safetyCli'
import { readMappingFile } from './mappingFile'
import { refuseNothingToImport } from './nothingToImport'
import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../../shared/contract/errors'
import { anyImportFields, fieldsOfKind } from '../../../shared/domain/import/kinds'
import type { AnyImportField } from '../../../shared/domain/import/kinds'
import { openBackend } from '../../backend/backend'
import { commitKindImport, previewKindImport } from '../../backend/import/kindsImport'
import type { Output } from '../output'
import { readFileError } from '../fileErrors'
import { UsageError } from '../output'
import type { ImportCommandOptions } from './import'
import { savedMappingForCli } from './importSavedMapping'

/** A mapping file {"header": "field"} for a visits/programs import; fields must belong to the kind. */
function kindMappingFromFile(file: string, headers: string[], kind: 'visits' | 'programs'): AnyImportField[] {
  const byHeader = readMappingFile(file, headers)
  const allowed = new Set<string>(fieldsOfKind(kind))
  return headers.map((h) => {
    // Own keys only: a column headed 「constructor」 or 「toString」 is not Object's.
    const field = Object.hasOwn(byHeader, h) ? byHeader[h] : undefined
    if (field === undefined) return 'ignore'
    if (!anyImportFields.includes(field as AnyImportField) || !allowed.has(field as string))
      throw new UsageError(`対応付けファイルの「${h}」の項目名が ${kind} の取り込みでは使えません: ${String(field)}`)
    return field as AnyImportField
  })
}

/**
 * `import --kind visits|programs`: the app's pipeline for sign-in sheets / visit logs and for
 * program lists, with the same counts output as contacts plus visits/programs/sessions created.
 * Nothing is written when the file cannot be read, with --dry-run, or when any step fails.
 */
export async function importKindCommand(
  opts: ImportCommandOptions & { kind: 'visits' | 'programs' },
  out: Output,
): Promise<number> {
  if (!['new', 'merge', 'skip'].includes(opts.onDuplicate))
    throw new UsageError('--on-duplicate は new / merge / skip のいずれかです')
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(opts.source)
  } catch (error) {
    throw ApiError.from('IMPORT_UNREADABLE', { file: opts.source }, readFileError(error, opts.source).message)
  }
  if (!fs.existsSync(opts.db))
    throw ApiError.from(
      'DB_UNREADABLE',
      { file: opts.db },
      `データベースがありません: ${opts.db}（先に init で作成してください）`,
    )
  // An encrypted database opens with KAKEHASHI_PASSPHRASE, as for check, backup and serve.
  const backend = await openBackend({ file: opts.db, passphrase: passphraseFromEnv(), readonly: opts.dryRun })
  try {
    const input = { fileName: path.basename(opts.source), bytes }
    let { view, preview } = await previewKindImport(backend.context, opts.kind, input, {
      encoding: opts.encoding,
      sheet: opts.sheet,
    })
    if (opts.mapping !== 'auto') {
      const mapping = opts.mapping.endsWith('.json')
        ? kindMappingFromFile(opts.mapping, view.headers, opts.kind)
        : savedMappingForCli(backend.context, opts.kind, opts.mapping, view.headers, out)
      ;({ view, preview } = await previewKindImport(backend.context, opts.kind, input, {
        encoding: opts.encoding,
        sheet: opts.sheet,
        headerRow: view.headerRow,
        mapping,
      }))
    }
    const summary = {
      ok: true,
      kind: opts.kind,
      file: opts.source,
      encoding: view.encoding,
      format: view.format,
      ...(view.sheet ? { sheet: view.sheet, sheets: view.sheets } : {}),
      headerLine: view.headerRow + 1,
      mapping: view.mapping,
      rows: view.counts,
      notes: view.notes,
    }
    for (const note of view.notes) out.info(`注意: ${note}`)
    refuseNothingToImport(
      view.counts,
      preview.rows as { read: { ok: boolean; issues: { severity: string; message: string }[] }; line: number }[],
    )
    if (opts.dryRun) {
      out.result(
        {
          dryRun: true,
          ...summary,
          errorsByRow: (preview.rows as { read: { ok: boolean; issues: unknown[] }; line: number }[])
            .filter((r) => !r.read.ok)
            .slice(0, 100)
            .map((r) => ({ line: r.line, issues: r.read.issues })),
        },
        `確認のみ（書き込みなし）: ${view.counts.rows}行（取り込める ${view.counts.ok}行、エラー ${view.counts.errors}行）`,
      )
      return 0
    }
    const result = await commitKindImport(backend.context, view.previewId, opts.onDuplicate, {})
    const k = result.kindCounts!
    const what =
      opts.kind === 'visits'
        ? `参加・訪問 ${k.visitsCreated}件（記録済みのため省略 ${k.alreadyAttended}件）、新規の人 ${result.created}人、情報を補った人 ${result.merged}人`
        : `プログラム ${k.programsCreated}件、開催回 ${k.sessionsCreated}回（登録済みの回 ${k.sessionsExisting}回${k.sessionsRepeated > 0 ? `、ファイル内で重なった回 ${k.sessionsRepeated}回` : ''}）`
    out.result(
      { ...summary, ...result, ...k },
      `取り込みました: ${what}、スキップ ${result.skipped}行、エラー ${result.errors}行（取り消し用ID: ${result.batchId}）`,
    )
    return 0
  } finally {
    await backend.close()
  }
}
