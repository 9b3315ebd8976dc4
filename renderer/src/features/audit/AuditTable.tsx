import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../../../shared/contract/participantRecords'
import { AuditPeople } from './AuditPeople'
import { auditFieldLabel, auditValueText } from './auditFields'
import { batchLabel } from './batchLabel'

/**
 * Audit entries as a plain table: time, user, action, target, batch, field-level before → after.
 * The batch cell and the button after a line's person only filter the log (nothing here edits it);
 * the person's name opens them in 参加者.
 */
export function AuditTable({
  rows,
  onBatch,
  onPerson,
}: {
  rows: AuditEntry[]
  onBatch: (entry: AuditEntry) => void
  /** Filters the log to one person (the 参加者ID filter), from the button after their name. */
  onPerson: (personId: string) => void
}) {
  const { t, i18n } = useTranslation()
  const label = (group: 'actions' | 'entities', key: string) =>
    i18n.exists(`audit.${group}.${key}`) ? t(`audit.${group}.${key}` as never) : key
  return (
    <table className="audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col">{t('audit.at')}</th>
          <th scope="col">{t('audit.user')}</th>
          <th scope="col">{t('audit.action')}</th>
          <th scope="col">{t('audit.entity')}</th>
          <th scope="col">{t('audit.batch')}</th>
          <th scope="col">{t('audit.changes')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="audit-row">
            <td className="audit-at">{new Date(row.at).toLocaleString('ja-JP')}</td>
            <td>{row.userName}</td>
            <td>
              <span className={`audit-action audit-action-${row.action}`}>{label('actions', row.action)}</span>
            </td>
            <td>
              {label('entities', row.entity)}
              <AuditPeople row={row} onPerson={onPerson} />
              {row.entityId && <span className="audit-id">{row.entityId.slice(-8)}</span>}
            </td>
            <td className="audit-batch-cell">
              {row.batchId ? (
                <button
                  type="button"
                  className="audit-batch"
                  onClick={() => onBatch(row)}
                  title={`${t('audit.batchShow')}（${row.batchId}）`}
                  data-testid="audit-batch"
                >
                  {batchLabel(t, row)}
                </button>
              ) : (
                <span className="audit-novalues">—</span>
              )}
            </td>
            <td>
              {row.changes.length === 0 ? (
                <span className="audit-novalues">{t('audit.noValues')}</span>
              ) : (
                <ul className="audit-changes">
                  {row.changes.map((c) => (
                    <li key={c.field}>
                      <span className="audit-field" title={c.field}>
                        {auditFieldLabel(t, c.field, row.entity)}
                      </span>{' '}
                      {personValue(row, c.field, c.before) ?? auditValueText(t, c.before)} →{' '}
                      {personValue(row, c.field, c.after) ?? auditValueText(t, c.after)}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A recorded person id as that person's name (the log is read by people, not by ids). */
function personValue(row: AuditEntry, field: string, value: unknown): string | undefined {
  return field === 'contactId' && typeof value === 'string' ? row.names[value] : undefined
}
