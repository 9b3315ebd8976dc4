import { passphraseFromEnv } from './safetyCli'
import { readMappingFile } from './mappingFile'
import { refuseNothingToImport } from './nothingToImport'
import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../../shared/contract/errors'
import { importFields } from '../../../shared/domain/import/headers'
import type { ImportField } from '../../../shared/domain/import/headers'
import { openBackend } from '../../backend/backend'
import { commitContactsImport, previewContactsImport } from '../../backend/import/contactsImport'
import type { EncodingChoice } from '../../backend/import/decode'
import type { Output } from '../output'
import { readFileError } from '../fileErrors'
import { UsageError } from '../output'
import { personMapping } from '../../../shared/domain/import/kinds'
import { savedMappingForCli } from './importSavedMapping'
import { importKindCommand } from './importKinds'

/** The import command's options, merged into the CLI's one parseArgs table. */
export const importCliOptions = {
  kind: { type: 'string', default: 'contacts' },
  encoding: { type: 'string', default: 'auto' },
  mapping: { type: 'string', default: 'auto' },
  'on-duplicate': { type: 'string', default: 'skip' },
  'dry-run': { type: 'boolean', default: false },
  sheet: { type: 'string' },
} as const

export interface ImportCommandOptions {
  db: string
  kind: string
  source: string
  encoding: EncodingChoice
  mapping: string
  onDuplicate: 'new' | 'merge' | 'skip'
  dryRun: boolean
  /** An .xlsx sheet by name (default: the first visible sheet). */
  sheet?: string
}

/** A mapping file is {"header text": "field"}; columns it does not name are ignored. */
function mappingFromFile(file: string, headers: string[]): ImportField[] {
  const byHeader = readMappingFile(file, headers)
  return headers.map((h) => {
    // Own keys only: a column headed 「constructor」 or 「toString」 is not Object's.
    const field = Object.hasOwn(byHeader, h) ? byHeader[h] : undefined
    if (field === undefined) return 'ignore'
    if (!importFields.includes(field as ImportField))
      throw new UsageError(`対応付けファイルの「${h}」の項目名が正しくありません: ${String(field)}`)
    return field as ImportField
  })
}

/**
 * `import --db FILE --kind contacts SOURCE`: the same pipeline as the app (decode → header →
 * mapping → validation → duplicates → one transaction). Nothing is written when the file
 * cannot be read, with --dry-run, or when any step fails.
 */
export async function importCommand(opts: ImportCommandOptions, out: Output): Promise<number> {
  if (opts.kind === 'visits' || opts.kind === 'programs') return importKindCommand({ ...opts, kind: opts.kind }, out)
  if (opts.kind !== 'contacts') throw new UsageError(`--kind は contacts / visits / programs のいずれかです（${opts.kind}）`)
  if (!['new', 'merge', 'skip'].includes(opts.onDuplicate))
    throw new UsageError('--on-duplicate は new / merge / skip のいずれかです')
  if (opts.mapping.trim() === '') {
    throw new UsageError('--mapping には auto、保存した対応付けの名前、または対応付けを書いた .json ファイルを指定してください')
  }
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
    let { view, preview } = await previewContactsImport(backend.context, input, { encoding: opts.encoding, sheet: opts.sheet })
    if (opts.mapping !== 'auto') {
      ;({ view, preview } = await previewContactsImport(backend.context, input, {
        encoding: opts.encoding,
        sheet: opts.sheet,
        headerRow: view.headerRow,
        mapping: opts.mapping.endsWith('.json')
          ? mappingFromFile(opts.mapping, view.headers)
          : personMapping(savedMappingForCli(backend.context, 'contacts', opts.mapping, view.headers, out)),
      }))
    }
    const summary = {
      ok: true,
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
    refuseNothingToImport(view.counts, preview.rows)
    if (opts.dryRun) {
      out.result(
        {
          dryRun: true,
          ...summary,
          errorsByRow: preview.rows
            .filter((r) => !r.read.ok)
            .slice(0, 100)
            .map((r) => ({ line: r.line, issues: r.read.issues })),
        },
        `確認のみ（書き込みなし）: ${view.counts.rows}行（取り込める ${view.counts.ok}行、エラー ${view.counts.errors}行、重複の候補 ${view.counts.duplicates}行）`,
      )
      return 0
    }
    const result = await commitContactsImport(backend.context, view.previewId, opts.onDuplicate, {})
    out.result(
      { ...summary, ...result },
      `取り込みました: 新規 ${result.created}人、統合 ${result.merged}行、スキップ ${result.skipped}行、エラー ${result.errors}行（取り消し用ID: ${result.batchId}）`,
    )
    return 0
  } finally {
    await backend.close()
  }
}
