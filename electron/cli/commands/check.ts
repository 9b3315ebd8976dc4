import path from 'node:path'
import { ApiError } from '../../../shared/contract/errors'
import { openDatabase } from '../../backend/db/connection'
import { schemaVersionOf } from '../../backend/db/migrate'
import { latestSchemaVersion } from '../../backend/db/migrations/index'
import { recordCounts } from '../../backend/db/repos/recordCountsRepo'
import type { Output } from '../output'
import { summarizeCheck } from '../../backend/safety/integrity'
import { backupStatusOf, backupStatusLine } from './backupStatus'
import type { BackupStatus } from './backupStatus'
import { passphraseFromEnv } from './safetyCli'

export interface CheckReport {
  ok: boolean
  file: string
  schemaVersion: number
  latestSchemaVersion: number
  integrity: string[]
  foreignKeyProblems: number
  counts: Record<string, number> | null
  problems: string[]
  backups: BackupStatus
}

/**
 * `check --db FILE`: SQLite's full integrity check, the schema version and foreign keys,
 * opened read-only so a damaged file is never written to.
 */
export async function checkCommand(opts: { db: string }, out: Output): Promise<number> {
  const file = path.resolve(opts.db)
  const handle = openDatabase(file, { readonly: true, key: passphraseFromEnv() })
  const report: CheckReport = {
    ok: false,
    file,
    schemaVersion: 0,
    latestSchemaVersion,
    integrity: [],
    foreignKeyProblems: 0,
    counts: null,
    problems: [],
    backups: backupStatusOf(file),
  }
  let details = ''
  try {
    const { sqlite } = handle
    report.integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check)
    if (report.integrity.join() !== 'ok') {
      const { problem, detail } = summarizeCheck(report.integrity)
      report.problems.push(problem)
      details = detail
    }
    report.schemaVersion = Math.max(schemaVersionOf(handle), sqlite.pragma('user_version', { simple: true }) as number)
    if (report.schemaVersion > latestSchemaVersion) report.problems.push(ApiError.from('DB_NEWER_VERSION').message)
    else if (report.schemaVersion === 0) report.problems.push('かけはしのデータベースではありません（スキーマがありません）')
    if (report.problems.length === 0) {
      report.foreignKeyProblems = (sqlite.pragma('foreign_key_check') as unknown[]).length
      if (report.foreignKeyProblems > 0) report.problems.push(`参照先のない行が ${report.foreignKeyProblems}件あります`)
      report.counts = recordCounts(sqlite)
    }
  } catch (error) {
    // A damaged page often surfaces as an exception in the middle of the check.
    report.problems.push(ApiError.from('DB_CORRUPT').message)
    details = error instanceof Error ? error.message : String(error)
  } finally {
    await handle.close()
  }
  report.ok = report.problems.length === 0
  const human = report.ok
    ? `問題ありません: ${file}（スキーマ v${report.schemaVersion}、参加者 ${report.counts?.contacts ?? 0}人、訪問・参加記録 ${report.counts?.visits ?? 0}件）`
    : `問題があります: ${file}`
  out.result(report, `${human}\n${backupStatusLine(report.backups)}`)
  if (!report.ok) {
    for (const problem of report.problems) process.stderr.write(`エラー: ${problem}\n`)
    if (details && !out.json) process.stderr.write(`詳細（サポートに伝える内容）:\n${details}\n`)
    return 1
  }
  return 0
}
