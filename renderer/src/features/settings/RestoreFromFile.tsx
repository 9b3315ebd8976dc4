import { useRef, useState } from 'react'
import type { ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PickedFile } from '../../../../shared/contract/bridge'
import { ApiError } from '../../../../shared/contract/errors'
import type { FileRestoreResult } from '../../../../shared/contract/safety'
import { api } from '../../api/client'
import { hasNativeDialogs, pickWithDialog, uploadForRestore } from '../../api/chosenFiles'
import { useConfirm } from '../../app/useConfirm'
import { BackupPassphraseForm } from './BackupPassphraseForm'
import { ErasedChoice } from './ErasedChoice'

type Phase = { kind: 'upload'; percent: number } | { kind: 'restore' }

/**
 * 「ファイルから復元」: a copy the user kept (a USB stick) replaces the database, after a
 * confirmation that says what is replaced and where the current data goes. Used by the
 * backups panel and by the recovery screen of a damaged database (`damaged`).
 */
export function RestoreFromFile({
  damaged,
  backupDir,
  disabled,
  onStart,
  onRestored,
}: {
  damaged: boolean
  backupDir: string
  disabled?: boolean
  /** A new attempt begins: an earlier outcome shown by the parent is no longer current. */
  onStart?: () => void
  onRestored: (result: FileRestoreResult) => void
}) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [phase, setPhase] = useState<Phase | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** An encrypted copy whose passphrase is not today's: asked for. */
  const [asking, setAsking] = useState<{ file: PickedFile; error: string | null } | null>(null)
  const { confirm, dialog } = useConfirm()
  /**
   * The choice about people erased after the copy was made (asked with the confirmation, kept
   * for a passphrase asked afterwards). A damaged database's log cannot be read: nothing to ask.
   */
  const bringBack = useRef(false)

  const confirmed = (name: string) => {
    bringBack.current = false
    const body = t(damaged ? 'fileBackup.confirmBodyDamaged' : 'fileBackup.confirmBody', { name, dir: backupDir })
    return confirm({
      title: t('fileBackup.confirmTitle'),
      body: damaged ? (
        body
      ) : (
        <>
          {body}
          <ErasedChoice count={null} onChange={(value) => (bringBack.current = value)} />
        </>
      ),
      confirmLabel: t('fileBackup.confirmGo'),
      cancelLabel: t('safety.cancel'),
      testId: 'file-restore',
    })
  }

  async function restore(file: PickedFile, passphrase?: string) {
    setPhase({ kind: 'restore' })
    setError(null)
    try {
      const result = await api.call('safety.restoreFromFile', {
        fileId: file.fileId,
        ...(passphrase ? { passphrase } : {}),
        ...(bringBack.current ? { bringBackErased: true } : {}),
      })
      setAsking(null)
      onRestored(result)
    } catch (e) {
      const message = e instanceof ApiError ? e.message : String(e)
      if (e instanceof ApiError && (e.code === 'DB_LOCKED' || e.code === 'WRONG_PASSPHRASE'))
        setAsking({ file, error: passphrase || e.code === 'WRONG_PASSPHRASE' ? message : null })
      else {
        setAsking(null)
        setError(message)
      }
    } finally {
      setPhase(null)
    }
  }

  async function start() {
    setError(null)
    setAsking(null)
    onStart?.()
    if (!hasNativeDialogs()) return input.current?.click()
    try {
      const picked = await pickWithDialog()
      if (picked && (await confirmed(picked.name))) await restore(picked)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
    }
  }

  /** The browser door: the file is streamed to the data folder first, with its progress. */
  async function chosenInBrowser(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    event.target.value = '' // the same file can be chosen again after a refusal
    if (!file || !(await confirmed(file.name))) return
    setPhase({ kind: 'upload', percent: 0 })
    try {
      const picked = await uploadForRestore(file, (f) => setPhase({ kind: 'upload', percent: Math.floor(f * 100) }))
      await restore(picked)
    } catch (e) {
      setPhase(null)
      setError(e instanceof ApiError ? e.message : String(e))
    }
  }

  return (
    <div className="file-restore">
      {dialog}
      <div className="safety-actions">
        <button
          type="button"
          className="button-secondary"
          onClick={() => void start()}
          disabled={disabled || phase !== null}
          data-testid="restore-from-file"
        >
          {t('fileBackup.restore')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".db,application/vnd.sqlite3,application/x-sqlite3"
          hidden
          onChange={(e) => void chosenInBrowser(e)}
          data-testid="restore-file-input"
        />
        {phase && (
          <p className="field-status" role="status" aria-live="polite" data-testid="file-restore-progress">
            {phase.kind === 'upload' ? t('fileBackup.uploading', { percent: phase.percent }) : t('fileBackup.checking')}
            {phase.kind === 'upload' && <progress max={100} value={phase.percent} />}
          </p>
        )}
      </div>
      {asking && (
        <BackupPassphraseForm
          key={asking.file.fileId}
          date=""
          prompt={t('fileBackup.passphrasePrompt', { name: asking.file.name })}
          busy={phase !== null}
          error={asking.error}
          onRestore={(passphrase) => void restore(asking.file, passphrase)}
          onCancel={() => setAsking(null)}
        />
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="file-restore-error">
          {error}
        </p>
      )}
    </div>
  )
}
