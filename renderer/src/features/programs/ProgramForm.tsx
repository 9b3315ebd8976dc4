import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Program } from '../../../../shared/contract/programs'
import { fiscalYearOf, formatFiscalYear, isValidIsoDate } from '../../../../shared/domain/dates'
import { fiscalYearLimits, programLimits } from '../../../../shared/domain/recordLimits'
import { fundingSources, micModelTypes, programCategories, programStatuses } from '../../../../shared/domain/vocabulary'
import { api } from '../../api/client'
import { fieldErrors, messageOf } from './apiErrors'
import { MunicipalityInput } from './MunicipalityInput'

type Draft = {
  name: string
  category: string
  status: string
  startDate: string
  endDate: string
  fiscalYear: string
  fiscalYearTouched: boolean
  fundingSource: string
  grantName: string
  micModelType: string
  municipalityCodes: string[]
  capacity: string
  fee: string
  coordinator: string
  description: string
}

function draftOf(p: Program | null): Draft {
  return {
    name: p?.name ?? '',
    category: p?.category ?? 'course',
    status: p?.status ?? 'planned',
    startDate: p?.startDate ?? '',
    endDate: p?.endDate ?? '',
    fiscalYear: p ? String(p.fiscalYear) : '',
    fiscalYearTouched: p !== null && (!p.startDate || fiscalYearOf(p.startDate) !== p.fiscalYear),
    fundingSource: p?.fundingSource ?? '',
    grantName: p?.grantName ?? '',
    micModelType: p?.micModelType ?? '',
    municipalityCodes: p?.municipalityCodes ?? [],
    capacity: p?.capacity == null ? '' : String(p.capacity),
    fee: p?.fee == null ? '' : String(p.fee),
    coordinator: p?.coordinator ?? '',
    description: p?.description ?? '',
  }
}

const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s.replace(/[,，]/g, '')))

/** Every field of a program. 年度 follows the start date until the coordinator sets it. */
export function ProgramForm({
  program,
  onSaved,
  onCancel,
}: {
  program: Program | null
  onSaved: (p: Program) => void
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  const [d, setD] = useState(() => draftOf(program))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<Draft>) => {
    setD((old) => {
      const next = { ...old, ...patch }
      if (patch.startDate !== undefined && !next.fiscalYearTouched && isValidIsoDate(patch.startDate))
        next.fiscalYear = String(fiscalYearOf(patch.startDate))
      return next
    })
    setMessage(null)
    // A message about a field goes once the field changes. A start date also answers
    // 「年度か開始日のどちらかを入力してください」 (shown on 年度) and the date order (on 終了日).
    const touched = new Set<string>(Object.keys(patch))
    if (touched.has('startDate')) ['fiscalYear', 'endDate'].forEach((f) => touched.add(f))
    if (touched.has('endDate')) touched.add('startDate')
    setErrors((old) => {
      const left = Object.entries(old).filter(([f]) => !touched.has(f) && f !== 'form')
      return left.length === Object.keys(old).length ? old : Object.fromEntries(left)
    })
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setErrors({})
    const fields = {
      name: d.name,
      category: d.category as Program['category'],
      status: d.status as Program['status'],
      startDate: d.startDate || null,
      endDate: d.endDate || null,
      fiscalYear: d.fiscalYear ? Number(d.fiscalYear) : null,
      fundingSource: (d.fundingSource || null) as Program['fundingSource'],
      grantName: d.grantName,
      micModelType: (d.micModelType || null) as Program['micModelType'],
      municipalityCodes: d.municipalityCodes,
      capacity: numberOrNull(d.capacity),
      fee: numberOrNull(d.fee),
      coordinator: d.coordinator,
      description: d.description,
    }
    try {
      const saved = program
        ? await api.call('programs.update', { id: program.id, patch: fields })
        : await api.call('programs.create', { fields })
      setMessage(t('program.form.saved'))
      onSaved(saved)
    } catch (error) {
      const byField = fieldErrors(error)
      setErrors(Object.keys(byField).length > 0 ? byField : { form: messageOf(error) })
    } finally {
      setBusy(false)
    }
  }

  const field = (name: keyof Draft & string, label: string, input: React.ReactNode, hint?: string) => (
    <label className="form-field" data-field={name}>
      <span className="form-label">{label}</span>
      {input}
      {hint && <span className="form-hint">{hint}</span>}
      {errors[name] && (
        <span className="field-error" role="alert">
          {errors[name]}
        </span>
      )}
    </label>
  )
  const select = (
    name: 'category' | 'status' | 'fundingSource' | 'micModelType',
    labels: Record<string, string>,
    optional: boolean,
  ) => (
    <select value={d[name]} onChange={(e) => set({ [name]: e.target.value })} name={name}>
      {optional && <option value="">{t('program.form.none')}</option>}
      {Object.entries(labels).map(([code, label]) => (
        <option key={code} value={code}>
          {label}
        </option>
      ))}
    </select>
  )
  const vocab = (name: 'programCategory' | 'programStatus' | 'fundingSource') => (labels: Record<string, string>) =>
    Object.fromEntries(Object.keys(labels).map((code) => [code, t(`vocab.${name}.${code}` as 'vocab.programStatus.open')]))

  return (
    <form className="program-form" onSubmit={submit} data-testid="program-form" noValidate>
      <div className="form-grid">
        {field(
          'name',
          t('program.form.name'),
          <input
            type="text"
            name="name"
            value={d.name}
            onChange={(e) => set({ name: e.target.value })}
            aria-invalid={!!errors.name}
            autoFocus={!program}
          />,
        )}
        {field(
          'category',
          t('program.form.category'),
          select('category', vocab('programCategory')(programCategories.labels), false),
        )}
        {field('status', t('program.form.status'), select('status', vocab('programStatus')(programStatuses.labels), false))}
        {field(
          'startDate',
          t('program.form.startDate'),
          <input type="date" name="startDate" value={d.startDate} onChange={(e) => set({ startDate: e.target.value })} />,
        )}
        {field(
          'endDate',
          t('program.form.endDate'),
          <input type="date" name="endDate" value={d.endDate} onChange={(e) => set({ endDate: e.target.value })} />,
        )}
        {field(
          'fiscalYear',
          t('program.form.fiscalYear'),
          <input
            type="number"
            name="fiscalYear"
            min={fiscalYearLimits.min}
            max={fiscalYearLimits.max}
            value={d.fiscalYear}
            onChange={(e) => set({ fiscalYear: e.target.value, fiscalYearTouched: true })}
          />,
          d.fiscalYear
            ? `${formatFiscalYear(Number(d.fiscalYear))}・${t('program.form.fiscalYearHint')}`
            : t('program.form.fiscalYearHint'),
        )}
        {field(
          'fundingSource',
          t('program.form.fundingSource'),
          select('fundingSource', vocab('fundingSource')(fundingSources.labels), true),
        )}
        {field(
          'grantName',
          t('program.form.grantName'),
          <input type="text" name="grantName" value={d.grantName} onChange={(e) => set({ grantName: e.target.value })} />,
        )}
        {field('micModelType', t('program.form.micModelType'), select('micModelType', micModelTypes.labels, true))}
        {field(
          'capacity',
          t('program.form.capacity'),
          <input
            type="number"
            name="capacity"
            min={0}
            max={programLimits.capacity}
            value={d.capacity}
            onChange={(e) => set({ capacity: e.target.value })}
          />,
        )}
        {field(
          'fee',
          t('program.form.fee'),
          <input
            type="number"
            name="fee"
            min={0}
            max={programLimits.fee}
            value={d.fee}
            onChange={(e) => set({ fee: e.target.value })}
          />,
        )}
        {field(
          'coordinator',
          t('program.form.coordinator'),
          <input type="text" name="coordinator" value={d.coordinator} onChange={(e) => set({ coordinator: e.target.value })} />,
        )}
      </div>
      <div className="form-field form-wide" data-field="municipalityCodes">
        <span className="form-label">{t('program.form.municipalities')}</span>
        <MunicipalityInput
          value={d.municipalityCodes}
          onChange={(codes) => set({ municipalityCodes: codes })}
          label={t('program.form.municipalities')}
        />
      </div>
      {field(
        'description',
        t('program.form.description'),
        <textarea name="description" rows={3} value={d.description} onChange={(e) => set({ description: e.target.value })} />,
      )}
      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid="program-save">
          {program ? t('program.form.save') : t('program.form.create')}
        </button>
        {onCancel && (
          <button type="button" className="button-link" onClick={onCancel}>
            {t('program.form.cancel')}
          </button>
        )}
        {message && <span className="field-status">{message}</span>}
      </div>
    </form>
  )
}
