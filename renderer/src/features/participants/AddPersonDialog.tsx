import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contactFieldSchemas } from '../../../../shared/contract/contacts'
import type { Contact } from '../../../../shared/contract/contacts'
import { ApiError } from '../../../../shared/contract/errors'
import { prefectures } from '../../../../shared/domain/localGov'
import { api } from '../../api/client'
import { editErrorMessage } from '../../grid/cellEditing'
import { columnLabel } from './participantColumns'
import { Dialog } from './Dialog'

// 生年月日 and 都道府県 feed the age and area breakdowns of every report: asked here, so a
// person added by hand needs no hunt through the wide grid afterwards.
const formFields = ['familyName', 'givenName', 'familyKana', 'givenKana', 'email', 'phone', 'birth', 'prefectureCode'] as const
type FormField = (typeof formFields)[number]
// Tied to its field by aria-describedby: focus lands on the first invalid field after a refused
// submit, and a screen reader then reads why, not only that the field is invalid.
const errorId = (field: FormField) => `add-person-error-${field}`

/** A short form for a new person; each field is checked with the backend's own rules. */
export function AddPersonDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (c: Contact) => void }) {
  const { t } = useTranslation()
  const [values, setValues] = useState<Record<FormField, string>>({
    familyName: '',
    givenName: '',
    familyKana: '',
    givenKana: '',
    email: '',
    phone: '',
    birth: '',
    prefectureCode: '',
  })
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({})
  const [busy, setBusy] = useState(false)
  // Each refused submit puts the cursor in the first field marked invalid.
  const [refused, setRefused] = useState(0)
  const form = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (refused > 0) form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus()
  }, [refused])

  function check(): boolean {
    const found: Partial<Record<FormField, string>> = {}
    for (const field of formFields) {
      const parsed = contactFieldSchemas[field].safeParse(values[field])
      if (!parsed.success) found[field] = parsed.error.issues[0]?.message ?? ''
    }
    setErrors(found)
    const ok = Object.keys(found).length === 0
    if (!ok) setRefused((n) => n + 1)
    return ok
  }

  async function submit() {
    if (!check()) return
    setBusy(true)
    try {
      const fields = Object.fromEntries(formFields.map((f) => [f, values[f].trim() === '' ? null : values[f]]))
      onAdded(await api.call('contacts.create', { fields: { ...fields, familyName: values.familyName } }))
    } catch (error) {
      const issue = error instanceof ApiError ? error.details?.issues?.[0] : undefined
      const field = issue?.path?.[1] as FormField | undefined
      setErrors(field ? { [field]: issue!.message } : { familyName: editErrorMessage(error) })
      setRefused((n) => n + 1)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('people.addTitle')} onClose={onClose} testId="add-person">
      <form
        ref={form}
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <div className="form-grid">
          {formFields.map((field, i) => (
            <label key={field} className="form-field">
              <span>
                {columnLabel(t, field)}
                {field === 'familyName' && <em className="required">*</em>}
              </span>
              {field === 'prefectureCode' ? (
                <select
                  name={field}
                  value={values[field]}
                  aria-invalid={errors[field] ? true : undefined}
                  aria-describedby={errors[field] ? errorId(field) : undefined}
                  onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
                >
                  <option value="">{t('people.addPrefectureNone')}</option>
                  {prefectures.map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.name}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  type="text"
                  name={field}
                  autoFocus={i === 0}
                  value={values[field]}
                  placeholder={field === 'birth' ? t('people.addBirthPlaceholder') : undefined}
                  aria-invalid={errors[field] ? true : undefined}
                  aria-describedby={errors[field] ? errorId(field) : undefined}
                  onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
                />
              )}
              {errors[field] && (
                <small className="field-error" id={errorId(field)}>
                  {errors[field]}
                </small>
              )}
            </label>
          ))}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('people.cancel')}
          </button>
          <button type="submit" className="button" disabled={busy}>
            {t('people.addSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
