import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { StageRule } from '../../../../shared/domain/stageSuggestion'
import type { StageCode } from '../../../../shared/domain/vocabulary'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { fieldErrors, messageOf } from '../programs/apiErrors'
import './timeline.css'

/** The configurable stage-suggestion rule (e.g. 3+ involvements in 12 months → つながる). */
export function StageRuleSettings() {
  const { t } = useTranslation()
  const stored = useApiQuery('stageRule.get', {}, ['setting'])
  const stages = useApiQuery('stages.list', {}, ['setting'])
  const [rule, setRule] = useState<StageRule | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    if (stored.data) setRule(stored.data)
  }, [stored.data])
  if (!rule) return null
  const set = (patch: Partial<StageRule>) => {
    setRule({ ...rule, ...patch })
    setMessage(null)
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    try {
      await api.call('stageRule.set', { rule: rule! })
      setMessage(t('timeline.rule.saved'))
    } catch (error) {
      setMessage(Object.values(fieldErrors(error))[0] ?? messageOf(error))
    }
  }

  return (
    <form className="panel stage-rule" onSubmit={submit} data-testid="stage-rule">
      <h2>{t('timeline.rule.title')}</h2>
      <p className="panel-description">{t('timeline.rule.description')}</p>
      <div className="stage-rule-fields">
        <label>
          <input type="checkbox" checked={rule.enabled} onChange={(e) => set({ enabled: e.target.checked })} />{' '}
          {t('timeline.rule.enabled')}
        </label>
        <label>
          {t('timeline.rule.windowMonths')}
          <input
            type="number"
            min={1}
            max={120}
            value={rule.windowMonths}
            onChange={(e) => set({ windowMonths: Number(e.target.value) })}
          />
        </label>
        <label>
          {t('timeline.rule.minInvolvements')}
          <input
            type="number"
            min={1}
            max={100}
            value={rule.minInvolvements}
            onChange={(e) => set({ minInvolvements: Number(e.target.value) })}
          />
        </label>
        <label>
          {t('timeline.rule.toStage')}
          <select value={rule.toStage} onChange={(e) => set({ toStage: e.target.value as StageCode })}>
            {stages.data?.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={rule.includeOnline} onChange={(e) => set({ includeOnline: e.target.checked })} />{' '}
          {t('timeline.rule.includeOnline')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={rule.includeStandalone}
            onChange={(e) => set({ includeStandalone: e.target.checked })}
          />{' '}
          {t('timeline.rule.includeStandalone')}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          {t('timeline.rule.save')}
        </button>
        {message && <span className="field-status">{message}</span>}
      </div>
    </form>
  )
}
