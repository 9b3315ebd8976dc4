import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StageCode } from '../../../../shared/domain/vocabulary'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { editErrorMessage } from '../../grid/cellEditing'
import { Dialog } from './Dialog'
import { ExportColumnsPicker, useExportColumns } from './ExportColumnsPicker'
import { participantsExport, ProtectedExportDialog } from '../privacy/ProtectedExportDialog'

type Action = 'stage' | 'tagAdd' | 'tagRemove' | 'enroll' | 'csv' | 'xlsx'

/**
 * Actions on the selected people: set stage, add or remove a tag, enroll in a program,
 * export. Each one is a single backend call (one transaction, one undo step).
 */
export function BulkActions({ ids, onDone }: { ids: string[]; onDone: (message: string) => void }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<Action | null>(null)
  const columns = useExportColumns()
  const count = ids.length

  return (
    <>
      <select
        className="bulk-select"
        aria-label={t('people.bulk')}
        data-testid="bulk-actions"
        disabled={count === 0}
        value=""
        onChange={(e) => {
          setOpen(e.target.value as Action)
        }}
      >
        <option value="">{t('people.bulk')}</option>
        <option value="stage">{t('people.bulkStage')}</option>
        <option value="tagAdd">{t('people.bulkTagAdd')}</option>
        <option value="tagRemove">{t('people.bulkTagRemove')}</option>
        <option value="enroll">{t('people.bulkEnroll')}</option>
        <option value="csv">{t('people.bulkExportCsv')}</option>
        <option value="xlsx">{t('people.bulkExportXlsx')}</option>
      </select>
      {(open === 'csv' || open === 'xlsx') && (
        <ProtectedExportDialog
          title={t('exportProtection.dialogTitle', { format: open.toUpperCase(), count: ids.length })}
          testId="export-dialog"
          exportFile={participantsExport(ids, open, columns.chosen)}
          canExport={columns.chosen.length > 0}
          onClose={() => setOpen(null)}
          onDone={(file) => {
            setOpen(null)
            onDone(t('people.exported', { name: file.fileName }))
          }}
        >
          <ExportColumnsPicker chosen={columns.chosen} onChange={columns.set} />
        </ProtectedExportDialog>
      )}
      {open && open !== 'csv' && open !== 'xlsx' && (
        <BulkDialog
          action={open}
          ids={ids}
          onClose={() => setOpen(null)}
          onDone={(message) => {
            setOpen(null)
            onDone(message)
          }}
        />
      )}
    </>
  )
}

function BulkDialog({
  action,
  ids,
  onClose,
  onDone,
}: {
  action: 'stage' | 'tagAdd' | 'tagRemove' | 'enroll'
  ids: string[]
  onClose: () => void
  onDone: (m: string) => void
}) {
  const { t } = useTranslation()
  const stages = useApiQuery('stages.list', {}, ['setting'])
  const tags = useApiQuery('tags.list', {}, ['contact'])
  const programs = useApiQuery('programs.list', {}, ['program'])
  const [value, setValue] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const titles = {
    stage: 'people.bulkStage',
    tagAdd: 'people.bulkTagAdd',
    tagRemove: 'people.bulkTagRemove',
    enroll: 'people.bulkEnroll',
  } as const

  async function submit() {
    setBusy(true)
    setError(null)
    try {
      if (action === 'stage') {
        const { changed } = await api.call('contacts.setStage', {
          ids,
          stage: value as StageCode,
          note: note.trim() || undefined,
        })
        onDone(t('people.stageChanged', { count: changed }))
      } else if (action === 'tagAdd') {
        const { added } = await api.call('tags.addToContacts', { ids, name: value })
        onDone(t('people.tagAdded', { count: added }))
      } else if (action === 'tagRemove') {
        const { removed } = await api.call('tags.removeFromContacts', { ids, tagId: value })
        onDone(t('people.tagRemoved', { count: removed }))
      } else {
        const r = await api.call('enrollments.add', { programId: value, contactIds: ids })
        const message = t('people.enrolled', { added: r.added, already: r.alreadyEnrolled })
        const over =
          r.capacity !== null && r.enrolledAfter > r.capacity
            ? ` ${t('people.enrolledOver', { capacity: r.capacity, after: r.enrolledAfter })}`
            : ''
        onDone(message + over)
      }
    } catch (e) {
      setError(editErrorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={`${t(titles[action])}（${t('people.selected', { count: ids.length })}）`}
      onClose={onClose}
      testId="bulk-dialog"
    >
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        {action === 'stage' && (
          <>
            <label className="form-field">
              <span>{t('participants.columns.stage')}</span>
              <select autoFocus required value={value} onChange={(e) => setValue(e.target.value)}>
                <option value="">{t('people.choose')}</option>
                {stages.data?.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="form-field">
              <span>{t('people.bulkStageNote')}</span>
              <input type="text" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
            </label>
          </>
        )}
        {action === 'tagAdd' && (
          <label className="form-field">
            <span>{t('people.tagName')}</span>
            <input type="text" autoFocus required list="tag-names" value={value} onChange={(e) => setValue(e.target.value)} />
            <datalist id="tag-names">
              {tags.data?.map((tag) => (
                <option key={tag.id} value={tag.name} />
              ))}
            </datalist>
          </label>
        )}
        {action === 'tagRemove' && (
          <label className="form-field">
            <span>{t('people.tagPick')}</span>
            <select autoFocus required value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">{t('people.choose')}</option>
              {tags.data?.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {action === 'enroll' && (
          <label className="form-field">
            <span>{t('people.program')}</span>
            <select autoFocus required value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">{t('people.choose')}</option>
              {programs.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}（{p.fiscalYear}年度）
                </option>
              ))}
            </select>
          </label>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('people.cancel')}
          </button>
          <button type="submit" className="button" disabled={busy || value.trim() === ''}>
            {t('people.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
