import { passphraseFromEnv } from './safetyCli'
import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../../shared/contract/errors'
import { csvTableIds } from '../../../shared/contract/methods/reports'
import { reportJson } from '../../../shared/domain/reports/reportJson'
import { openBackend } from '../../backend/backend'
import type { Output } from '../output'
import { UsageError } from '../output'
import { ensureOutputFolder, readInputFile, writeAtomically } from '../fileErrors'

export interface ReportOptions {
  db: string
  fy: number
  programIds: string[]
  fundingSource: string | null
  format: 'json' | 'xlsx' | 'csv' | 'pdf'
  template: string | null
  suppress: boolean
  roster: boolean
  encoding: 'utf8' | 'shift_jis'
  out: string | null
}

const formats = ['json', 'xlsx', 'csv', 'pdf'] as const

export function reportFormat(value: string | undefined): ReportOptions['format'] {
  if (value === undefined) return 'json'
  if (!(formats as readonly string[]).includes(value))
    throw new UsageError(`--format は json、xlsx、csv、pdf のいずれかです（${value}）`)
  return value as ReportOptions['format']
}

/**
 * `report --db FILE --fy 2024 …`: the fiscal-year report. JSON is exact (never suppressed) and
 * uses the contract's key names; xlsx/csv/pdf are suppressed unless --no-suppress; with
 * --template the user's form is filled. csv writes one file per table into the --out folder.
 */
export async function reportCommand(opts: ReportOptions, out: Output): Promise<number> {
  if (!fs.existsSync(opts.db)) throw ApiError.from('DB_UNREADABLE', { file: opts.db }, `${opts.db} が見つかりません。`)
  if (opts.format !== 'json' && !opts.out) throw new UsageError('--out で出力先を指定してください')
  // An encrypted database opens with KAKEHASHI_PASSPHRASE, as for check, backup and serve.
  const backend = await openBackend({ file: opts.db, passphrase: passphraseFromEnv() })
  try {
    const scope = { fiscalYear: opts.fy, programIds: opts.programIds, fundingSource: opts.fundingSource as never }
    if (opts.template) {
      const file = await backend.client.call('reports.fillForm', {
        ...scope,
        suppress: opts.suppress,
        fileName: path.basename(opts.template),
        templateBase64: readInputFile(opts.template).toString('base64'),
      })
      const target = path.resolve(opts.out ?? file.fileName)
      writeAtomically(target, Buffer.from(file.base64, 'base64'))
      out.result({ ok: true, files: [target] }, `様式に記入しました: ${target}`)
      return 0
    }
    if (opts.format === 'json') {
      const report = await backend.client.call('reports.fiscalYear', scope)
      const text = reportJson(report)
      if (opts.out) {
        writeAtomically(path.resolve(opts.out), Buffer.from(text, 'utf8'))
        out.result({ ok: true, files: [path.resolve(opts.out)] }, `書き出しました: ${path.resolve(opts.out)}`)
      } else process.stdout.write(text)
      return 0
    }
    if (opts.format === 'csv') {
      const dir = path.resolve(opts.out!)
      ensureOutputFolder(dir)
      const files: string[] = []
      const unencodable = new Set<string>()
      for (const csvTable of csvTableIds) {
        const { file, unencodable: lost } = await backend.client.call('reports.export', {
          ...scope,
          format: 'csv',
          suppress: opts.suppress,
          csvTable,
          csvEncoding: opts.encoding,
        })
        const target = path.join(dir, file.fileName)
        writeAtomically(target, Buffer.from(file.base64, 'base64'))
        files.push(target)
        lost.forEach((ch) => unencodable.add(ch))
      }
      out.result(
        { ok: true, files, unencodable: [...unencodable] },
        `${files.length}個の CSV を書き出しました: ${dir}` +
          (unencodable.size > 0 ? `\n注意: Shift_JIS で表せない文字を「?」にしました: ${[...unencodable].join(' ')}` : ''),
      )
      return 0
    }
    const { file } = await backend.client.call('reports.export', {
      ...scope,
      format: opts.format,
      suppress: opts.suppress,
      includeRoster: opts.roster,
    })
    const target = path.resolve(opts.out!)
    writeAtomically(target, Buffer.from(file.base64, 'base64'))
    out.result({ ok: true, files: [target] }, `書き出しました: ${target}`)
    return 0
  } finally {
    await backend.close()
  }
}

/** The report command's options as parseArgs gives them (registered in run.ts). */
export const reportCliOptions = {
  fy: { type: 'string' },
  program: { type: 'string', multiple: true },
  funding: { type: 'string' },
  format: { type: 'string' },
  template: { type: 'string' },
  'no-suppress': { type: 'boolean', default: false },
  roster: { type: 'boolean', default: false },
  encoding: { type: 'string' },
  out: { type: 'string' },
} as const

export function reportOptionsFrom(db: string, values: Record<string, unknown>): ReportOptions {
  const fy = Number(values.fy)
  if (values.fy === undefined) throw new UsageError('--fy で年度（例: 2024）を指定してください')
  if (!Number.isInteger(fy) || fy < 1989 || fy > 2200)
    throw new UsageError(`--fy には西暦の年度を指定してください（${String(values.fy)}）`)
  // --encoding is shared with import, whose default is 'auto': for a report that means UTF-8.
  const given = ((values.encoding as string | undefined) ?? 'auto').toLowerCase()
  const encoding =
    given === 'auto' || given === 'utf8' || given === 'utf-8'
      ? 'utf8'
      : ['shift_jis', 'sjis', 'cp932'].includes(given)
        ? 'shift_jis'
        : null
  if (!encoding) throw new UsageError('--encoding は utf8 か shift_jis です')
  return {
    db,
    fy,
    programIds: (values.program as string[] | undefined) ?? [],
    fundingSource: (values.funding as string | undefined) ?? null,
    format: reportFormat(values.format as string | undefined),
    template: (values.template as string | undefined) ?? null,
    suppress: values['no-suppress'] !== true,
    roster: values.roster === true,
    encoding,
    out: (values.out as string | undefined) ?? null,
  }
}
