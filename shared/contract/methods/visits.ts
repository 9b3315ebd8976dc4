import { z } from 'zod'
import type { Page } from '../listQuery'
import { listQuery } from '../listQuery'
import { calendarDate, fiscalYearInput, municipalityCode, wholeNumber } from '../programs'
import type { VisitRow } from '../records'
import { id, isoDate, text } from '../schemaHelpers'
import { visitLimits } from '../../domain/recordLimits'
import { visitModes } from '../../domain/vocabulary'
import { method } from './define'

export const visitColumns = ['visitDate', 'mode', 'municipalityCode', 'nights', 'contactName', 'programName'] as const

const visitFields = {
  visitDate: calendarDate,
  mode: z.enum(visitModes.codes),
  municipalityCode,
  nights: wholeNumber('泊数', 0, visitLimits.nights),
  purpose: text(visitLimits.purpose),
  notes: text(visitLimits.notes),
}

/** Visits: one involvement of one person on one date. */
export const visitMethods = {
  'visits.list': method<Page<VisitRow>>()(
    listQuery(visitColumns).extend({
      from: isoDate.optional(),
      to: isoDate.optional(),
      fiscalYear: fiscalYearInput.optional(),
      programId: id.optional(),
      /** Only visits outside any program (return visits, consultations, helper days). */
      standaloneOnly: z.boolean().optional(),
      municipalityCodes: z
        .array(z.string().regex(/^\d{6}$/))
        .max(100, '市町村は100件までにしてください')
        .optional(),
      mode: z.enum(visitModes.codes).optional(),
      contactId: id.optional(),
    }),
  ),
  /**
   * Standalone visits (not from a roster): one per person, same day and details — a festival
   * helper day for several people is one entry. `programId` links it to a program without a session.
   */
  'visits.create': method<{ created: number; ids: string[] }>()(
    z
      .object({
        contactIds: z.array(id).min(1, '参加者を選んでください').max(1000, '一度に記録できるのは1,000人までです'),
        programId: id.nullable().default(null),
        fields: z
          .object({
            ...visitFields,
            municipalityCode: visitFields.municipalityCode.default(null),
            nights: visitFields.nights.default(0),
            purpose: visitFields.purpose.default(null),
            notes: visitFields.notes.default(null),
          })
          .strict(),
      })
      .strict(),
  ),
  /**
   * The 年度 worth offering in a 年度 picker, newest first: those with a visit or a program.
   * Visits recorded without any program (a sign-in sheet of past years) make their year count too.
   */
  'visits.fiscalYears': method<number[]>()(z.object({}).strict()),
  /**
   * A visit from a roster keeps its session's date: change the session, not the visit.
   * `contactId` moves the visit to another person (the wrong person was picked).
   */
  'visits.update': method<VisitRow>()(
    z
      .object({
        id,
        patch: z
          .object({ ...visitFields, contactId: id })
          .partial()
          .strict(),
      })
      .strict(),
  ),
  'visits.delete': method<{ deleted: number }>()(
    z
      .object({
        ids: z.array(id).min(1, '削除する記録を選んでください').max(10000, '一度に削除できるのは10,000件までです'),
      })
      .strict(),
  ),
} as const
