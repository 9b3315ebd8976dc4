import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'
import './exportProtection.css'

const MIN_LENGTH = 8

export interface ExportProtection {
  enabled: boolean
  setEnabled: (on: boolean) => void
  password: string
  setPassword: (value: string) => void
  confirm: string
  setConfirm: (value: string) => void
  /** The Japanese reason the fields cannot be used yet, or null. */
  problem: 'tooShort' | 'mismatch' | null
  /** What to send as the method's `password`: undefined when protection is off. */
  value: string | undefined
  /** Whether an export may start (protection off, or a valid confirmed password). */
  ready: boolean
}

/**
 * The password of a protected export. On by default when the database itself is encrypted:
 * data kept encrypted should not leave it in the clear unless the user says so.
 */
export function useExportProtection(): ExportProtection {
  const status = useApiQuery('safety.status', {}, ['setting'])
  const [choice, setEnabled] = useState<boolean | null>(null)
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const enabled = choice ?? status.data?.encrypted ?? false
  const problem = !enabled ? null : [...password].length < MIN_LENGTH ? 'tooShort' : password !== confirm ? 'mismatch' : null
  return {
    enabled,
    setEnabled,
    password,
    setPassword,
    confirm,
    setConfirm,
    problem,
    value: enabled ? password : undefined,
    ready: !enabled || problem === null,
  }
}

/** 「パスワードで保護する（推奨）」, the two masked fields and what is wrong with them. */
export function ExportProtectionFields({
  protection,
  personal = true,
}: {
  protection: ExportProtection
  /** Whether the file holds personal data (a report of exact totals with no roster does not): only then the warning. */
  personal?: boolean
}) {
  const { t } = useTranslation()
  const id = useId()
  const { enabled, password, confirm, problem } = protection
  // Only complain once the user has typed something in the field the message is about.
  const shown = problem === 'tooShort' ? password !== '' : problem === 'mismatch' ? confirm !== '' : false
  return (
    <fieldset className="export-protection" data-testid="export-protection">
      <label className="export-protection-toggle">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => protection.setEnabled(e.target.checked)}
          data-testid="export-protect"
        />{' '}
        {t('exportProtection.protect')}
      </label>
      {enabled ? (
        <>
          <div className="export-protection-fields">
            <label className="form-field">
              <span>{t('exportProtection.password')}</span>
              <input
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => protection.setPassword(e.target.value)}
                aria-invalid={shown && problem === 'tooShort'}
                aria-describedby={`${id}-hint ${id}-problem`}
                data-testid="export-password"
              />
            </label>
            <label className="form-field">
              <span>{t('exportProtection.confirm')}</span>
              <input
                type="password"
                autoComplete="new-password"
                value={confirm}
                onChange={(e) => protection.setConfirm(e.target.value)}
                aria-invalid={shown && problem === 'mismatch'}
                aria-describedby={`${id}-problem`}
                data-testid="export-password-confirm"
              />
            </label>
          </div>
          <p className="form-hint" id={`${id}-hint`}>
            {t('exportProtection.hint')}
          </p>
          <p className="field-error" id={`${id}-problem`} role="alert" data-testid="export-password-problem">
            {shown && problem ? t(`exportProtection.${problem}`) : ''}
          </p>
        </>
      ) : (
        personal && <p className="report-warning export-protection-warning">{t('exportProtection.unprotectedWarning')}</p>
      )}
    </fieldset>
  )
}
