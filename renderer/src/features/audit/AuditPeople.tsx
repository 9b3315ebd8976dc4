import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../../../shared/contract/participantRecords'
import { movedBetween } from '../../../../shared/domain/personAtLine'
import { personHref } from '../../app/routes'

/**
 * Whom a line is about, by name, in the 対象 cell: a name opens that person in 参加者 (plain text
 * when there is nothing to open: anonymized, in the trash, deleted for good). A line that moved a
 * visit or enrollment to another person (参加者を変更) names both: 「A から B へ」. The small button
 * after them filters the log to the line's person, as the 参加者ID filter does.
 */
export function AuditPeople({ row, onPerson }: { row: AuditEntry; onPerson: (personId: string) => void }) {
  const { t } = useTranslation()
  if (!row.personId || !row.names[row.personId]) return null
  const moved = row.entity === 'contact' ? null : movedBetween(row.changes)
  return (
    <span className="audit-people">
      {moved && row.names[moved.from] ? (
        <span data-testid="audit-moved">
          {t('audit.personMoved.before')}
          <PersonName row={row} id={moved.from} />
          {t('audit.personMoved.from')}
          <PersonName row={row} id={moved.to} />
          {t('audit.personMoved.to')}
        </span>
      ) : (
        <PersonName row={row} id={row.personId} />
      )}
      <button
        type="button"
        className="audit-person-filter"
        onClick={() => onPerson(row.personId!)}
        title={t('audit.personShow')}
        aria-label={t('audit.personShowNamed', { name: row.names[row.personId] })}
        data-testid="audit-person-filter"
      >
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path d="M2 3h12l-4.5 5.5V13l-3-1.5V8.5z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
        </svg>
      </button>
    </span>
  )
}

function PersonName({ row, id }: { row: AuditEntry; id: string }) {
  const { t } = useTranslation()
  const name = row.names[id]
  if (!name) return null
  return row.openable.includes(id) ? (
    <a className="audit-person" href={personHref(id)} title={t('audit.personOpen')} data-testid="audit-person">
      {name}
    </a>
  ) : (
    <span className="audit-person-plain" data-testid="audit-person">
      {name}
    </span>
  )
}
