import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../shared/contract/errors'
import type { SafetyStatus } from '../../../shared/contract/safety'
import { api } from '../api/client'
import { useApiQuery } from '../api/hooks'
import { BackupPassphraseForm } from '../features/settings/BackupPassphraseForm'
import { RestoreFromFile } from '../features/settings/RestoreFromFile'
import { keepRestoreNotice } from './restoreNotice'

/**
 * A damaged database: nothing was written to it. Offers the newest good backup with its date
 * and counts (older ones below); restoring keeps the damaged file aside for inspection.
 */
export function DamagedScreen({ status, onRestored }: { status: SafetyStatus; onRestored: (s: SafetyStatus) => void }) {
  const { t } = useTranslation()
  const backups = useApiQuery('safety.listBackups', {})
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** A backup written under another passphrase than the one in use: asked for. */
  const [asking, setAsking] = useState<{ id: string; createdAt: string; error: string | null } | null>(null)

  /** The app opens at once: where the damaged file went is kept to be read there. */
  function restored(source: string, kept: string, next: SafetyStatus) {
    keepRestoreNotice({ at: new Date().toISOString(), source, kept, damaged: true })
    onRestored(next)
  }

  async function restore(backupId: string, passphrase?: string) {
    setBusy(backupId)
    setError(null)
    try {
      const result = await api.call('safety.restore', { backupId, ...(passphrase ? { passphrase } : {}) })
      const source = t('fileBackup.backupSource', { date: new Date(result.restored.createdAt).toLocaleString('ja-JP') })
      restored(source, result.previousKeptAt, result.status)
    } catch (e) {
      const wrongKey = e instanceof ApiError && (e.code === 'WRONG_PASSPHRASE' || e.code === 'DB_LOCKED')
      const backup = backups.data?.find((b) => b.id === backupId)
      if (wrongKey && backup) setAsking({ id: backupId, createdAt: backup.createdAt, error: passphrase ? e.message : null })
      else setError(e instanceof ApiError ? e.message : String(e))
    } finally {
      setBusy(null)
    }
  }

  const [newest, ...older] = backups.data ?? []
  return (
    <div className="safety-screen">
      <div className="safety-card safety-card-wide" data-testid="damaged-screen">
        <div className="safety-icon safety-icon-warn" aria-hidden="true">
          !
        </div>
        <h1>{t('safety.damagedTitle')}</h1>
        <p>{t('safety.damagedDescription', { name: status.databaseName })}</p>
        {status.problem && <p className="safety-problem">{t('safety.damagedProblem', { problem: status.problem })}</p>}
        {status.problemDetail && (
          <details className="safety-detail" data-testid="damaged-detail">
            <summary>{t('safety.damagedDetail')}</summary>
            <pre>{status.problemDetail}</pre>
          </details>
        )}
        {backups.data && !newest && <p className="field-error">{t('safety.noBackupsDamaged')}</p>}
        {newest && (
          <div className="safety-newest">
            <h2>{t('safety.newestGood')}</h2>
            <p>
              <strong>{new Date(newest.createdAt).toLocaleString('ja-JP')}</strong>（
              {t(`safety.reasons.${reasonKey(newest.reason)}`)}）
              <br />
              {t('safety.countsValue', {
                contacts: newest.counts.contacts.toLocaleString('ja-JP'),
                visits: newest.counts.visits.toLocaleString('ja-JP'),
              })}
            </p>
            <button type="button" className="button" disabled={busy !== null} onClick={() => restore(newest.id)} autoFocus>
              {busy === newest.id ? t('safety.restoring') : t('safety.restoreNewest')}
            </button>
          </div>
        )}
        {older.length > 0 && (
          <ul className="safety-older">
            {older.map((b) => (
              <li key={b.id}>
                {new Date(b.createdAt).toLocaleString('ja-JP')}・
                {t('safety.countsValue', {
                  contacts: b.counts.contacts.toLocaleString('ja-JP'),
                  visits: b.counts.visits.toLocaleString('ja-JP'),
                })}
                <button type="button" className="button-link" disabled={busy !== null} onClick={() => restore(b.id)}>
                  {busy === b.id ? t('safety.restoring') : t('safety.restore')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {asking && (
          <BackupPassphraseForm
            key={asking.id}
            date={new Date(asking.createdAt).toLocaleString('ja-JP')}
            busy={busy !== null}
            error={asking.error}
            onRestore={(passphrase) => void restore(asking.id, passphrase)}
            onCancel={() => setAsking(null)}
          />
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="safety-from-file">
          <p>{t('fileBackup.fromDamaged')}</p>
          <RestoreFromFile
            damaged
            backupDir={status.backupDir}
            disabled={busy !== null}
            onRestored={(result) => restored(result.restored.name, result.previousKeptAt, result.status)}
          />
        </div>
      </div>
    </div>
  )
}

/** `before-v2` and friends share one label. */
export function reasonKey(
  reason: string,
): 'daily' | 'manual' | 'before-import' | 'before-delete' | 'before-restore' | 'before-passphrase' | 'migration' {
  if (/^before-v\d+$/.test(reason)) return 'migration'
  return (
    (['daily', 'manual', 'before-import', 'before-delete', 'before-restore', 'before-passphrase'] as const).find(
      (r) => r === reason,
    ) ?? 'manual'
  )
}
