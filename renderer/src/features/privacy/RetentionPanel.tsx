import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../../shared/contract/errors'
import type { RetentionCandidate } from '../../../../shared/contract/privacy'
import { api } from '../../api/client'

/** The retention setting's review list: people not involved for N years, for a person to decide. */
export function RetentionPanel() {
  const { t } = useTranslation()
  const [years, setYears] = useState('3')
  const [rows, setRows] = useState<RetentionCandidate[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function show(event: FormEvent) {
    event.preventDefault()
    setError(null)
    try {
      setRows(await api.call('privacy.retentionReview', { years: Number(years) }))
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
    }
  }

  return (
    <form className="panel" onSubmit={show} data-testid="retention-panel">
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
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.contactId}>
                  <td>{r.displayName}</td>
                  <td>{r.lastInvolvedOn.replaceAll('-', '/')}</td>
                  <td>{r.visits}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  )
}
