import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../../shared/contract/errors'
import type { ReportRules } from '../../../../shared/domain/reports/types'
import { api } from '../../api/client'

/** The counting rules every report prints: continuing, 移住, suppression k, organization name. */
export function RulesPanel({ rules, onSaved }: { rules: ReportRules; onSaved: () => void }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(rules)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  useEffect(() => setDraft(rules), [rules])
  const set = <K extends keyof ReportRules>(key: K, value: ReportRules[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const save = async (event: React.FormEvent) => {
    event.preventDefault()
    try {
      await api.call('reports.rules.set', draft)
      setMessage({ error: false, text: t('reportsPage.rules.saved') })
      onSaved()
    } catch (error) {
      setMessage({ error: true, text: (error as ApiError).message })
    }
  }

  return (
    <details className="panel report-rules">
      <summary>
        <h2>{t('reportsPage.rules.title')}</h2>
      </summary>
      <form onSubmit={(e) => void save(e)} className="report-rules-form">
        <label>
          <span>{t('reportsPage.rules.continuingMin')}</span>
          <input
            type="number"
            min={1}
            max={365}
            value={draft.continuingMinInvolvements}
            onChange={(e) => set('continuingMinInvolvements', Number(e.target.value))}
          />
        </label>
        <label>
          <span>{t('reportsPage.rules.continuingWindow')}</span>
          <input
            type="number"
            min={1}
            max={60}
            value={draft.continuingWindowMonths}
            onChange={(e) => set('continuingWindowMonths', Number(e.target.value))}
          />
        </label>
        <label className="report-rules-check">
          <input
            type="checkbox"
            checked={draft.continuingIncludesOnline}
            onChange={(e) => set('continuingIncludesOnline', e.target.checked)}
          />
          <span>{t('reportsPage.rules.includeOnline')}</span>
        </label>
        <label className="report-rules-wide">
          <span>{t('reportsPage.rules.movedIn')}</span>
          <input
            type="text"
            maxLength={500}
            value={draft.movedInDefinition}
            onChange={(e) => set('movedInDefinition', e.target.value)}
          />
        </label>
        <label>
          <span>{t('reportsPage.rules.k')}</span>
          <input
            type="number"
            min={1}
            max={100}
            value={draft.suppressionK}
            onChange={(e) => set('suppressionK', Number(e.target.value))}
          />
        </label>
        <label className="report-rules-wide">
          <span>{t('reportsPage.rules.organization')}</span>
          <input
            type="text"
            maxLength={200}
            value={draft.organizationName}
            onChange={(e) => set('organizationName', e.target.value)}
          />
        </label>
        <div>
          <button type="submit" className="button">
            {t('reportsPage.rules.save')}
          </button>{' '}
          {message && (
            <span className={message.error ? 'field-error' : 'field-status'} role="status">
              {message.text}
            </span>
          )}
        </div>
      </form>
    </details>
  )
}
