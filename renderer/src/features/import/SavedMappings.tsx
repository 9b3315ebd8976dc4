import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../../shared/contract/errors'
import type { ImportPreview, SavedMappingView } from '../../../../shared/contract/imports'
import type { AnyImportField } from '../../../../shared/domain/import/kinds'
import { applySavedMapping, cleanMappingName, columnsToSave } from '../../../../shared/domain/import/savedMapping'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { ConfirmDialog } from '../../app/ConfirmDialog'
import { NameDialog } from './NameDialog'
import './mappings.css'

type Dialog =
  { step: 'name'; initial?: string } | { step: 'overwrite'; name: string } | { step: 'delete'; mapping: SavedMappingView }

/**
 * Above the mapping table: apply a mapping saved earlier (matched by header text, so moved
 * columns still land right), save the current one under a name, or delete one.
 */
export function SavedMappings({
  preview,
  mapping,
  onApply,
}: {
  preview: ImportPreview
  mapping: AnyImportField[]
  onApply: (mapping: AnyImportField[]) => void
}) {
  const { t } = useTranslation()
  const list = useApiQuery('import.mappings.list', { kind: preview.kind })
  const saved = list.data ?? []
  const [selectedId, setSelectedId] = useState('')
  const selected = saved.find((m) => m.id === selectedId)
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const [busy, setBusy] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [applied, setApplied] = useState<{ fileName: string; name: string; missing: string[] } | null>(null)
  const note = applied?.fileName === preview.fileName ? applied : null

  function apply() {
    if (!selected) return
    const result = applySavedMapping(preview.kind, selected.columns, preview.headers)
    onApply(mapping.map((_, i) => result.mapping[i] ?? 'ignore'))
    setApplied({ fileName: preview.fileName, name: selected.name, missing: result.missing })
    setStatus(null)
  }

  async function save(name: string, overwrite: boolean) {
    setBusy(true)
    setSaveError(null)
    try {
      const columns = columnsToSave(preview.headers, mapping)
      const done = await api.call('import.mappings.save', { name, kind: preview.kind, columns, overwrite })
      setDialog(null)
      setSelectedId(done.id)
      setStatus(t('import.saved.savedDone', { name: done.name }))
      list.reload()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') setDialog({ step: 'overwrite', name })
      else setSaveError(`${t('import.saved.failed')} ${(e as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  function askName(name: string) {
    // Ask before replacing: the same name may be a typo for a new form's mapping.
    const clean = cleanMappingName(name)
    if (saved.some((m) => m.name === clean)) setDialog({ step: 'overwrite', name: clean })
    else void save(clean, false)
  }

  async function remove(target: SavedMappingView) {
    setBusy(true)
    try {
      await api.call('import.mappings.delete', { id: target.id })
      setSelectedId('')
      setStatus(t('import.saved.deleted', { name: target.name }))
    } catch (e) {
      setStatus((e as Error).message)
    } finally {
      setBusy(false)
      setDialog(null)
      list.reload()
    }
  }

  const defaultName = selected?.name ?? preview.fileName.replace(/\.[^.]+$/, '')
  return (
    <div className="saved-mappings" data-testid="import-saved-mappings">
      <div className="saved-mappings-row">
        <label htmlFor="import-saved-mapping-select">{t('import.saved.label')}</label>
        <select
          id="import-saved-mapping-select"
          className="import-select"
          value={selectedId}
          disabled={saved.length === 0}
          data-testid="import-saved-mapping-select"
          onChange={(e) => setSelectedId(e.target.value)}
        >
          <option value="">
            {list.error ? t('import.saved.loadFailed') : saved.length === 0 ? t('import.saved.none') : t('import.saved.choose')}
          </option>
          {saved.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button-secondary"
          disabled={!selected}
          onClick={apply}
          data-testid="import-saved-mapping-apply"
        >
          {t('import.saved.apply')}
        </button>
        <button
          type="button"
          className="button-link"
          disabled={!selected}
          onClick={() => selected && setDialog({ step: 'delete', mapping: selected })}
          data-testid="import-saved-mapping-delete"
        >
          {t('import.saved.delete')}
        </button>
        <span className="saved-mappings-spacer" />
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setSaveError(null)
            setDialog({ step: 'name' })
          }}
          data-testid="import-save-mapping-open"
        >
          {t('import.saved.save')}
        </button>
      </div>
      {note && (
        <div className="saved-mappings-note" role="status" data-testid="import-saved-mapping-note">
          <p>{t('import.saved.applied', { name: note.name })}</p>
          {note.missing.length > 0 && (
            <p className="saved-mappings-missing" data-testid="import-saved-mapping-missing">
              {t('import.saved.missing', { headers: note.missing.map((h) => `「${h}」`).join('、') })}
            </p>
          )}
        </div>
      )}
      {list.error && (
        <p className="load-error" role="alert">
          {t('import.saved.loadFailed')}: {list.error.message}
        </p>
      )}
      {status && (
        <p className="field-status" role="status" data-testid="import-saved-mapping-status">
          {status}
        </p>
      )}
      {dialog?.step === 'name' && (
        <NameDialog
          initial={dialog.initial ?? defaultName}
          busy={busy}
          error={saveError}
          onSave={askName}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.step === 'overwrite' && (
        <ConfirmDialog
          title={t('import.saved.overwriteTitle')}
          confirmLabel={t('import.saved.overwrite')}
          cancelLabel={t('import.saved.cancel')}
          busy={busy}
          onConfirm={() => void save(dialog.name, true)}
          onCancel={() => setDialog({ step: 'name', initial: dialog.name })}
          testId="import-overwrite-mapping"
        >
          <p>{t('import.saved.overwriteBody', { name: dialog.name })}</p>
          {saveError && (
            <p className="field-error" role="alert">
              {saveError}
            </p>
          )}
        </ConfirmDialog>
      )}
      {dialog?.step === 'delete' && (
        <ConfirmDialog
          title={t('import.saved.deleteTitle')}
          confirmLabel={t('import.saved.deleteConfirm')}
          cancelLabel={t('import.saved.cancel')}
          busy={busy}
          onConfirm={() => void remove(dialog.mapping)}
          onCancel={() => setDialog(null)}
          testId="import-delete-mapping"
        >
          <p>{t('import.saved.deleteBody', { name: dialog.mapping.name })}</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
