import { z } from 'zod'
import './zodLocale'
import type { Contact } from './contacts'
import { contactCreate, contactPatch } from './contacts'
import type { Page } from './listQuery'
import { listQuery } from './listQuery'
import type { AppInfo, ProgramSummary, Stage, VisitRow } from './records'
import { fiscalYear, id, isoDate } from './schemaHelpers'
import { stages } from '../domain/vocabulary'

/**
 * A method is its argument schema (validated at the door) plus its result type (a phantom:
 * it exists only for the compiler, so the handler table and every client agree).
 */
export interface MethodDef<A extends z.ZodType, R> {
  args: A
  result: R
}
function method<R>() {
  return <A extends z.ZodType>(args: A): MethodDef<A, R> => ({ args, result: undefined as R })
}
const none = z.object({}).strict()

/** Columns of the participants grid the backend can sort and filter on (see contactsRepo). */
export const contactColumns = [
  'familyName',
  'givenName',
  'familyKana',
  'givenKana',
  'email',
  'phone',
  'postalCode',
  'prefectureCode',
  'municipalityCode',
  'address',
  'birthDate',
  'birthYear',
  'gender',
  'occupation',
  'affiliation',
  'roots',
  'basis',
  'firstContact',
  'stage',
  'consentDate',
  'notes',
  'createdAt',
  'updatedAt',
] as const
export type ContactColumn = (typeof contactColumns)[number]

export const visitColumns = ['visitDate', 'mode', 'municipalityCode', 'nights', 'contactName', 'programName'] as const

export const methods = {
  'app.info': method<AppInfo>()(none),

  'contacts.list': method<Page<Contact>>()(listQuery(contactColumns)),
  'contacts.get': method<Contact>()(z.object({ id }).strict()),
  'contacts.create': method<Contact>()(z.object({ fields: contactCreate }).strict()),
  'contacts.update': method<Contact>()(z.object({ id, patch: contactPatch }).strict()),
  /** Soft delete: the rows stay (with deleted_at) so undo can bring them back. */
  'contacts.delete': method<{ deleted: number }>()(z.object({ ids: z.array(id).min(1).max(100_000) }).strict()),
  'contacts.restore': method<{ restored: number }>()(z.object({ ids: z.array(id).min(1).max(100_000) }).strict()),

  'stages.list': method<Stage[]>()(none),
  'stages.rename': method<Stage[]>()(
    z.object({ code: z.enum(stages.codes), label: z.string().trim().min(1, '名前を入力してください').max(20) }).strict(),
  ),

  'programs.list': method<ProgramSummary[]>()(z.object({ fiscalYear: fiscalYear.optional() }).strict()),

  'visits.list': method<Page<VisitRow>>()(listQuery(visitColumns).extend({ from: isoDate.optional(), to: isoDate.optional() })),
} as const

export type Methods = typeof methods
export type MethodName = keyof Methods
/** What a caller passes (before defaults and normalization). */
export type ArgsOf<M extends MethodName> = z.input<Methods[M]['args']>
/** What a handler receives (validated, defaults applied, normalized). */
export type ValidArgsOf<M extends MethodName> = z.output<Methods[M]['args']>
export type ResultOf<M extends MethodName> = Methods[M]['result']

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name)
}
