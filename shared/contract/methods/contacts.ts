import { z } from 'zod'
import type { Contact } from '../contacts'
import { contactCreate, contactFieldSchemas, contactPatch } from '../contacts'
import type { FileDownload } from '../files'
import { exportPassword } from '../files'
import type { Page } from '../listQuery'
import type { ContactDetail, ContactListRow } from '../participantRecords'
import { listQuery } from '../listQuery'
import { id } from '../schemaHelpers'
import { exportColumns } from '../../domain/contactExport'
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
  /** Pick-list of tag ids: people carrying any of them. */
  'tags',
  /**
   * Pick-list of import batch ids: the people each import registered or merged into and, for a
   * sign-in sheet, recorded a visit for (「取り込み…の40人」 after an import). An undone import has none.
   */
  'importBatch',
] as const
export type ContactColumn = (typeof contactColumns)[number]

const ids = z.array(id).min(1).max(100_000)

/** People (参加者). */
export const contactMethods = {
  'contacts.list': method<Page<ContactListRow>>()(listQuery(contactColumns)),
  'contacts.get': method<Contact>()(z.object({ id }).strict()),
  /** The person panel: fields, tags, organizations, stage history, enrollments, visits. */
  'contacts.detail': method<ContactDetail>()(z.object({ id }).strict()),
  'contacts.create': method<Contact>()(z.object({ fields: contactCreate }).strict()),
  'contacts.update': method<Contact>()(z.object({ id, patch: contactPatch }).strict()),
  /** Soft delete: the rows stay (with deleted_at) so undo can bring them back. */
  'contacts.delete': method<{ deleted: number }>()(z.object({ ids }).strict()),
  'contacts.restore': method<{ restored: number }>()(z.object({ ids }).strict()),
  /** Bulk: one stage for every selected person (history records the note). */
  'contacts.setStage': method<{ changed: number }>()(
    z.object({ ids, stage: contactFieldSchemas.stage, note: z.string().trim().max(200).optional() }).strict(),
  ),
  /** Paste from Excel: new people and changes to existing ones, all or nothing, one undo step. */
  'contacts.paste': method<{ created: number; updated: number }>()(
    z
      .object({
        create: z.array(contactCreate).max(5000).default([]),
        update: z
          .array(z.object({ id, patch: contactPatch }).strict())
          .max(5000)
          .default([]),
      })
      .strict(),
  ),
  /**
   * The selected people as a spreadsheet (codes, phones and postal codes kept as text); with a
   * `password`, inside an AES-256 encrypted .zip. `columns`: the only ones written (all if absent).
   */
  'contacts.export': method<FileDownload>()(
    z
      .object({
        ids,
        format: z.enum(['csv', 'xlsx']),
        columns: z.array(z.enum(exportColumns)).min(1).max(exportColumns.length).optional(),
        password: exportPassword.optional(),
      })
      .strict(),
  ),
} as const
