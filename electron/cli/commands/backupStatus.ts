import type { BackupInfo } from '../../../shared/contract/safety'
import { defaultBackupDir, listBackups } from '../../backend/safety/backups'

export interface BackupStatus {
  dir: string
  count: number
  last: BackupInfo | null
  /** Whole days since the newest backup (null: none). */
  ageDays: number | null
}

export function backupStatusOf(file: string, now = new Date()): BackupStatus {
  const dir = defaultBackupDir(file)
  const backups = listBackups(dir, file)
  const last = backups[0] ?? null
  const ageDays = last ? Math.floor((now.getTime() - Date.parse(last.createdAt)) / 86_400_000) : null
  return { dir, count: backups.length, last, ageDays }
}

export function backupStatusLine(s: BackupStatus): string {
  if (!s.last) return `バックアップ: まだありません（保存先 ${s.dir}）`
  const when = new Date(s.last.createdAt).toLocaleString('ja-JP')
  const warn = s.ageDays !== null && s.ageDays >= 7 ? `（${s.ageDays}日前です。バックアップを作成してください）` : ''
  return `バックアップ: ${s.count}件、最新 ${when}（参加者 ${s.last.counts.contacts}人）${warn} 保存先 ${s.dir}`
}
