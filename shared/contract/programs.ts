import { z } from 'zod'
import { normalizeMunicipalityCode } from '../domain/contactFields'
import { isValidIsoDate } from '../domain/dates'
import { MAX_ANONYMOUS_HEADCOUNT } from '../domain/sessionSeries'
import {
  ANONYMOUS_HEADCOUNT_LABEL,
  enrollmentRoles,
  enrollmentStatuses,
  fundingSources,
  micModelTypes,
  programCategories,
  programStatuses,
  sessionModes,
  visitModes,
} from '../domain/vocabulary'
import type {
  EnrollmentRole,
  EnrollmentStatus,
  FundingSource,
  MicModelType,
  ProgramCategory,
  ProgramStatus,
  SessionMode,
  StageCode,
  VisitMode,
} from '../domain/vocabulary'
import { id, normalized, oneOf, text } from './schemaHelpers'
import { fiscalYearLimits, programLimits, sessionLimits, visitLimits } from '../domain/recordLimits'

/** A real calendar day as 'YYYY-MM-DD'. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD の形式で指定してください')
  .refine(isValidIsoDate, { message: '存在しない日付です' })

/** 'HH:MM', 24-hour. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '時刻は 09:30 の形式で指定してください')

export const municipalityCode = normalized(normalizeMunicipalityCode, 20)

/**
 * A whole number typed into a form (泊数, 定員, 参加費…), every limit said in plain Japanese:
 * 「泊数は365以下で入力してください」 rather than zod's 「大きすぎる値: number は…」.
 */
export function wholeNumber(label: string, min: number, max: number) {
  const n = (v: number) => v.toLocaleString('ja-JP')
  return z
    .number({ error: `${label}は数値で入力してください` })
    .int(`${label}は整数で入力してください`)
    .min(min, `${label}は${n(min)}以上で入力してください`)
    .max(max, `${label}は${n(max)}以下で入力してください`)
}

/** 年度 as a form gives it (the app keeps 1989–2200). Written plainly, like the numbers above. */
export const fiscalYearInput = z
  .number({ error: '年度は数値で入力してください' })
  .int('年度は整数で入力してください')
  .min(fiscalYearLimits.min, `年度は${fiscalYearLimits.min}～${fiscalYearLimits.max}の範囲で入力してください`)
  .max(fiscalYearLimits.max, `年度は${fiscalYearLimits.min}～${fiscalYearLimits.max}の範囲で入力してください`)

/** A program with every field of the schema, as the program form shows it. */
export interface Program {
  id: string
  name: string
  fiscalYear: number
  category: ProgramCategory
  fundingSource: FundingSource | null
  grantName: string | null
  micModelType: MicModelType | null
  status: ProgramStatus
  startDate: string | null
  endDate: string | null
  capacity: number | null
  fee: number | null
  coordinator: string | null
  description: string | null
  municipalityCodes: string[]
  createdAt: string
  updatedAt: string
}

const programFieldSchemas = {
  name: text(programLimits.name).refine((v) => v !== null, { message: 'プログラム名を入力してください' }),
  /** Left out (or null), it is derived from the start date: 年度 starts on April 1. */
  fiscalYear: fiscalYearInput.nullable(),
  category: oneOf(programCategories.codes, '種別'),
  fundingSource: oneOf(fundingSources.codes, '財源').nullable(),
  grantName: text(programLimits.grantName),
  micModelType: oneOf(micModelTypes.codes, '総務省モデル事業の類型').nullable(),
  status: oneOf(programStatuses.codes, '状態'),
  startDate: calendarDate.nullable(),
  endDate: calendarDate.nullable(),
  capacity: wholeNumber('定員', 0, programLimits.capacity).nullable(),
  fee: wholeNumber('参加費', 0, programLimits.fee).nullable(),
  coordinator: text(programLimits.coordinator),
  description: text(programLimits.description),
  municipalityCodes: z
    .array(municipalityCode)
    .max(100, '対象市町村は100件までにしてください')
    .transform((codes) => [...new Set(codes.filter((c): c is string => c !== null))]),
}

const datesInOrder = (p: { startDate?: string | null; endDate?: string | null }) =>
  !p.startDate || !p.endDate || p.startDate <= p.endDate
const dateOrderIssue = { message: '終了日は開始日以降にしてください', path: ['endDate'] }

export const programCreate = z
  .object({
    ...programFieldSchemas,
    fiscalYear: programFieldSchemas.fiscalYear.optional(),
    fundingSource: programFieldSchemas.fundingSource.default(null),
    grantName: programFieldSchemas.grantName.default(null),
    micModelType: programFieldSchemas.micModelType.default(null),
    status: programFieldSchemas.status.default('planned'),
    startDate: programFieldSchemas.startDate.default(null),
    endDate: programFieldSchemas.endDate.default(null),
    capacity: programFieldSchemas.capacity.default(null),
    fee: programFieldSchemas.fee.default(null),
    coordinator: programFieldSchemas.coordinator.default(null),
    description: programFieldSchemas.description.default(null),
    municipalityCodes: programFieldSchemas.municipalityCodes.default([]),
  })
  .strict()
  .refine(datesInOrder, dateOrderIssue)
  .refine((p) => (p.fiscalYear ?? null) !== null || p.startDate !== null, {
    message: '年度か開始日のどちらかを入力してください',
    path: ['fiscalYear'],
  })
export type ProgramCreateInput = z.input<typeof programCreate>

export const programPatch = z.object(programFieldSchemas).partial().strict().refine(datesInOrder, dateOrderIssue)
export type ProgramPatch = z.output<typeof programPatch>

/** One dated occurrence of a program. */
export interface Session {
  id: string
  programId: string
  /** 'YYYY-MM-DD' and 'HH:MM' (local time); the time is null for an all-day session. */
  date: string
  startTime: string | null
  endTime: string | null
  place: string | null
  municipalityCode: string | null
  mode: SessionMode
  /** People present but not known by name (large open events). Never counted as people. */
  anonymousHeadcount: number
  notes: string | null
  /** Whether the roster starts with everyone ticked as attended (chosen per session). */
  attendedByDefault: boolean
  attendedCount: number
}

export const sessionFieldSchemas = {
  date: calendarDate,
  startTime: clockTime.nullable(),
  endTime: clockTime.nullable(),
  place: text(sessionLimits.place),
  municipalityCode,
  mode: oneOf(sessionModes.codes, '開催形式'),
  anonymousHeadcount: wholeNumber(ANONYMOUS_HEADCOUNT_LABEL, 0, MAX_ANONYMOUS_HEADCOUNT),
  notes: text(sessionLimits.notes),
  attendedByDefault: z.boolean(),
}

export interface Enrollment {
  id: string
  contactId: string
  familyName: string
  givenName: string
  familyKana: string | null
  givenKana: string | null
  status: EnrollmentStatus
  role: EnrollmentRole
  appliedOn: string | null
  confirmedOn: string | null
  completedOn: string | null
  withdrawnOn: string | null
  /** Sessions of this program the person attended. */
  attendedSessions: number
}

export interface EnrollmentList {
  rows: Enrollment[]
  statusCounts: Record<EnrollmentStatus, number>
  capacity: number | null
}

export const enrollmentStatus = z.enum(enrollmentStatuses.codes)
export const enrollmentRole = z.enum(enrollmentRoles.codes)

/** One line of a session's attendance roster. */
export interface RosterLine {
  contactId: string
  familyName: string
  givenName: string
  familyKana: string | null
  givenKana: string | null
  /** null for a walk-in (attended without being enrolled). */
  enrollmentStatus: EnrollmentStatus | null
  role: EnrollmentRole | null
  attended: boolean
  mode: VisitMode | null
  nights: number
}

export interface Roster {
  session: Session
  programName: string
  /** null until the roster is first saved; until then lines start at the session's default. */
  savedAt: string | null
  lines: RosterLine[]
}

export const rosterEntry = z
  .object({
    contactId: id,
    attended: z.boolean(),
    mode: z.enum(visitModes.codes).default('onsite'),
    nights: wholeNumber('泊数', 0, visitLimits.nights).default(0),
  })
  .strict()

export type { StageCode }
