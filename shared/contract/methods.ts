import type { z } from 'zod'
import { appMethods } from './methods/app'
import { contactMethods } from './methods/contacts'
import { auditMethods } from './methods/audit'
import { tagMethods } from './methods/tags'
import { undoMethods } from './methods/undo'
import { viewMethods } from './methods/views'
import { programMethods } from './methods/programs'
import { visitMethods } from './methods/visits'
import { importMethods } from './methods/imports'
import { reportMethods } from './methods/reports'
import { timelineMethods } from './methods/timeline'
import { sessionMethods } from './methods/sessions'
import { enrollmentMethods } from './methods/enrollments'
import { dashboardMethods } from './methods/dashboard'
import { safetyMethods } from './methods/safety'
import { privacyMethods } from './methods/privacy'
import { jobMethods } from './methods/jobs'

export type { MethodDef } from './methods/define'
export { contactColumns } from './methods/contacts'
export type { ContactColumn } from './methods/contacts'
export { visitColumns } from './methods/visits'

/**
 * Every backend method, composed from one file per area (shared/contract/methods/*.ts).
 * Adding a method there makes the handler table fail to compile until it is implemented.
 */
export const methods = {
  ...appMethods,
  ...contactMethods,
  ...auditMethods,
  ...tagMethods,
  ...undoMethods,
  ...viewMethods,
  ...programMethods,
  ...visitMethods,
  ...importMethods,
  ...reportMethods,
  ...timelineMethods,
  ...sessionMethods,
  ...enrollmentMethods,
  ...dashboardMethods,
  ...safetyMethods,
  ...privacyMethods,
  ...jobMethods,
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
