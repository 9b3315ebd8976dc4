import { z } from 'zod'
import type { Contact } from '../contacts'
import { contactCreate, contactPatch } from '../contacts'
import type { Page } from '../listQuery'
import { listQuery } from '../listQuery'
import { id } from '../schemaHelpers'
import { method } from './define'

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

const ids = z.array(id).min(1).max(100_000)

/** People (参加者). */
export const contactMethods = {
  'contacts.list': method<Page<Contact>>()(listQuery(contactColumns)),
  'contacts.get': method<Contact>()(z.object({ id }).strict()),
  'contacts.create': method<Contact>()(z.object({ fields: contactCreate }).strict()),
  'contacts.update': method<Contact>()(z.object({ id, patch: contactPatch }).strict()),
  /** Soft delete: the rows stay (with deleted_at) so undo can bring them back. */
  'contacts.delete': method<{ deleted: number }>()(z.object({ ids }).strict()),
  'contacts.restore': method<{ restored: number }>()(z.object({ ids }).strict()),
} as const
