import { Fragment, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../../shared/contract/errors'
import type { RetentionCandidate } from '../../../../shared/contract/privacy'
import { api } from '../../api/client'
import { PrivacyActions } from './PrivacyActions'

/** The retention setting's review list: people not involved for N years, for a person to decide. */
export function RetentionPanel() {
  const { t } = useTranslation()
  const [years, setYears] = useState('3')
  const [rows, setRows] = useState<RetentionCandidate[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  // The person whose privacy actions are open below their row.
  const [open, setOpen] = useState<string | null>(null)

  async function load() {
    setError(null)
    const n = Number(years)
    if (!Number.isInteger(n) || n < 1 || n > 50) {
      setRows(null)
      setError(t('privacy.retentionYearsInvalid'))
      return
    }
    try {
      setRows(await api.call('privacy.retentionReview', { years: n }))
    } catch (e) {
      setRows(null)
      setError(e instanceof ApiError ? e.message : String(e))
    }
  }

  function show(event: FormEvent) {
    event.preventDefault()
    setOpen(null)
    void load()
  }

  return (
    <form className="panel" onSubmit={show} noValidate data-testid="retention-panel">
      <h2>{t('privacy.retention')}</h2>
      <p className="panel-description">{t('privacy.retentionDescription')}</p>
      <div className="safety-actions">
        <label htmlFor="retention-years">{t('privacy.retentionYears')}</label>
        <input
          id="retention-years"
          type="number"
          min={1}
          max={50}
          value={years}
          onChange={(e) => setYears(e.target.value)}
          style={{ width: 64 }}
        />
        <span>{t('privacy.retentionYearsUnit')}</span>
        <button type="submit" className="button">
          {t('privacy.retentionShow')}
        </button>
        {rows && <span className="row-count">{t('privacy.retentionCount', { count: rows.length })}</span>}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {rows && rows.length === 0 && <p className="panel-muted">{t('privacy.retentionEmpty')}</p>}
      {rows && rows.length > 0 && (
        <div className="retention-scroll">
          <table className="safety-table">
            <thead>
              <tr>
                <th scope="col">{t('privacy.retentionName')}</th>
                <th scope="col">{t('privacy.retentionLast')}</th>
                <th scope="col">{t('privacy.retentionVisits')}</th>
                <th scope="col">{t('privacy.retentionAct')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Fragment key={r.contactId}>
                  <tr data-testid="retention-row">
                    <td>
                      {r.displayName}
                      {r.inTrash && <span className="retention-trash"> {t('privacy.retentionInTrash')}</span>}
                      {r.detail && <small className="retention-detail">{r.detail}</small>}
                    </td>
                    <td>{r.lastInvolvedOn.replaceAll('-', '/')}</td>
                    <td>{r.visits}</td>
                    <td>
                      <button
                        type="button"
                        className="button-link"
                        aria-expanded={open === r.contactId}
                        onClick={() => setOpen(open === r.contactId ? null : r.contactId)}
                      >
                        {open === r.contactId ? t('privacy.retentionClose') : t('privacy.retentionAct')}
                      </button>
                    </td>
                  </tr>
                  {open === r.contactId && (
                    <tr>
                      <td colSpan={4}>
                        {/* Anonymize or delete right here: the list says to decide one by one. */}
                        <PrivacyActions contactId={r.contactId} onChanged={() => void load()} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  )
}
