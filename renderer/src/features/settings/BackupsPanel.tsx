import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../../shared/contract/errors'
import type { BackupInfo } from '../../../../shared/contract/safety'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { LoadError } from '../../app/LoadError'
import { useConfirm } from '../../app/useConfirm'
import { reasonKey } from '../../app/DamagedScreen'
import { BackupPassphraseForm } from './BackupPassphraseForm'
import { ErasedChoice, erasuresMessage } from './ErasedChoice'
import { RestoreFromFile } from './RestoreFromFile'
import { SaveToFile } from './SaveToFile'
import './safety.css'

const dateTime = (iso: string) => new Date(iso).toLocaleString('ja-JP')
const size = (bytes: number) =>
  bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

/** Where backups are, when the last one ran, make one now, restore one. */
export function BackupsPanel() {
  const { t } = useTranslation()
  const status = useApiQuery('safety.status', {}, ['setting'])
  const backups = useApiQuery('safety.listBackups', {}, ['setting', 'contact'])
  const [busy, setBusy] = useState<string | null>(null)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  /** A backup written under an earlier passphrase: its passphrase is asked for. */
  const [asking, setAsking] = useState<{ backup: BackupInfo; error: string | null; bringBack: boolean } | null>(null)
  /** What the last restore from a file brought back, shown beside its button. */
  const [fileRestored, setFileRestored] = useState<string | null>(null)

  async function run(key: string, work: () => Promise<string>) {
    setBusy(key)
    setMessage(null)
    try {
      setMessage({ kind: 'ok', text: await work() })
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) })
      throw e
    } finally {
      setBusy(null)
      status.reload()
      backups.reload()
    }
  }

  const backupNow = () =>
    run('backup', async () =>
      t('safety.backupDone', { date: dateTime((await api.call('safety.backupNow', {})).createdAt) }),
    ).catch(() => undefined)

  const restoreWith = (b: BackupInfo, bringBack: boolean, passphrase?: string) =>
    run(b.id, async () => {
      const result = await api.call('safety.restore', {
        backupId: b.id,
        ...(passphrase ? { passphrase } : {}),
        ...(bringBack ? { bringBackErased: true } : {}),
      })
      setAsking(null)
      const done = t('safety.restoreDone', { date: dateTime(b.createdAt), kept: result.previousKeptAt })
      return [done, erasuresMessage(t, result.erasures)].filter(Boolean).join('')
    }).catch((e: unknown) => {
      if (!(e instanceof ApiError && (e.code === 'WRONG_PASSPHRASE' || e.code === 'DB_LOCKED'))) return
      // Not today's passphrase: ask for the one the backup was written with.
      setMessage(null)
      setAsking({ backup: b, error: passphrase ? e.message : null, bringBack })
    })

  const { confirm, dialog } = useConfirm()
  const restore = async (b: BackupInfo) => {
    const question = t('safety.restoreConfirm', {
      date: dateTime(b.createdAt),
      contacts: b.counts.contacts.toLocaleString('ja-JP'),
      visits: b.counts.visits.toLocaleString('ja-JP'),
    })
    // People erased since the backup are erased again unless the user brings them back here.
    // Not known (a backup under an earlier passphrase): the default applies, nothing is asked.
    const erasedSince = (await api.call('safety.restorePreview', { backupId: b.id }).catch(() => null))?.erasedSince ?? 0
    let bringBack = false
    const yes = await confirm({
      title: t('safety.restoreTitle'),
      body:
        erasedSince > 0 ? (
          <>
            {question}
            <ErasedChoice count={erasedSince} onChange={(value) => (bringBack = value)} />
          </>
        ) : (
          question
        ),
      confirmLabel: t('safety.restore'),
      cancelLabel: t('safety.cancel'),
      testId: 'backup-restore',
    })
    if (!yes) return
    setAsking(null)
    void restoreWith(b, bringBack)
  }

  const s = status.data
  return (
    <div className="panel" data-testid="backups-panel">
      {dialog}
      <h2>{t('safety.backups')}</h2>
      <p className="panel-description">{t('safety.backupsDescription')}</p>
      {status.error && <LoadError error={status.error} onRetry={status.reload} />}
      {s && (
        <dl className="info-list">
          <div>
            <dt>{t('safety.backupDir')}</dt>
            <dd className="safety-path" data-testid="backup-dir">
              {s.backupDir}
            </dd>
          </div>
          <div>
            <dt>{t('safety.lastBackup')}</dt>
            <dd data-testid="last-backup">
              {s.lastBackup
                ? `${dateTime(s.lastBackup.createdAt)}（${t(`safety.reasons.${reasonKey(s.lastBackup.reason)}`)}）`
                : t('safety.noBackup')}
            </dd>
          </div>
          <div>
            <dt>{t('safety.backupCount')}</dt>
            <dd>{s.backupCount}</dd>
          </div>
          <div>
            <dt>{t('safety.lastCheck')}</dt>
            <dd>{s.lastFullCheckAt ? dateTime(s.lastFullCheckAt) : '—'}</dd>
          </div>
        </dl>
      )}
      <div className="safety-actions">
        <button type="button" className="button" onClick={backupNow} disabled={busy !== null} data-testid="backup-now">
          {busy === 'backup' ? t('safety.backingUp') : t('safety.backupNow')}
        </button>
        {message && (
          <p
            className={message.kind === 'ok' ? 'field-status' : 'field-error'}
            role={message.kind === 'ok' ? 'status' : 'alert'}
            data-testid="backup-message"
          >
            {message.text}
          </p>
        )}
      </div>
      {asking && (
        <BackupPassphraseForm
          key={asking.backup.id}
          date={dateTime(asking.backup.createdAt)}
          busy={busy !== null}
          error={asking.error}
          onRestore={(passphrase) => void restoreWith(asking.backup, asking.bringBack, passphrase)}
          onCancel={() => setAsking(null)}
        />
      )}
      {backups.data && backups.data.length > 0 && (
        <table className="safety-table" data-testid="backup-list">
          <thead>
            <tr>
              <th scope="col">{t('safety.tableDate')}</th>
              <th scope="col">{t('safety.tableReason')}</th>
              <th scope="col">{t('safety.tableCounts')}</th>
              <th scope="col">{t('safety.tableSize')}</th>
              <th scope="col" aria-label={t('safety.restore')} />
            </tr>
          </thead>
          <tbody>
            {backups.data.map((b) => (
              <tr key={b.id} data-testid="backup-row">
                <td>{dateTime(b.createdAt)}</td>
                <td>{t(`safety.reasons.${reasonKey(b.reason)}`)}</td>
                <td>
                  {t('safety.countsValue', {
                    contacts: b.counts.contacts.toLocaleString('ja-JP'),
                    visits: b.counts.visits.toLocaleString('ja-JP'),
                  })}
                </td>
                <td>{size(b.sizeBytes)}</td>
                <td>
                  <button type="button" className="button-link" onClick={() => void restore(b)} disabled={busy !== null}>
                    {busy === b.id ? t('safety.restoring') : t('safety.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="safety-subheading">{t('fileBackup.title')}</h3>
      <p className="panel-description">{t('fileBackup.description')}</p>
      <SaveToFile disabled={busy !== null} onBusy={(b) => setBusy(b ? 'file' : null)} />
      {s && (
        <RestoreFromFile
          damaged={false}
          backupDir={s.backupDir}
          disabled={busy !== null}
          onStart={() => setFileRestored(null)}
          onRestored={(result) => {
            status.reload()
            backups.reload()
            const done = t('fileBackup.restored', {
              name: result.restored.name,
              contacts: result.restored.counts.contacts.toLocaleString('ja-JP'),
              visits: result.restored.counts.visits.toLocaleString('ja-JP'),
              kept: result.previousKeptAt,
            })
            setFileRestored(done + erasuresMessage(t, result.erasures))
          }}
        />
      )}
      {fileRestored && (
        <p className="field-status" role="status" data-testid="file-restore-message">
          {fileRestored}
        </p>
      )}
      <p className="panel-description safety-hint">{t('safety.usbHint')}</p>
    </div>
  )
}
