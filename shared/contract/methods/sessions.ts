import { z } from 'zod'
import type { Roster, Session } from '../programs'
import { rosterEntry, sessionFieldSchemas } from '../programs'
import { id } from '../schemaHelpers'
import { MAX_SERIES_COUNT } from '../../domain/sessionSeries'
import { method } from './define'

const sessionFields = z
  .object({
    ...sessionFieldSchemas,
    startTime: sessionFieldSchemas.startTime.default(null),
    endTime: sessionFieldSchemas.endTime.default(null),
    place: sessionFieldSchemas.place.default(null),
    municipalityCode: sessionFieldSchemas.municipalityCode.default(null),
    anonymousHeadcount: sessionFieldSchemas.anonymousHeadcount.default(0),
    notes: sessionFieldSchemas.notes.default(null),
    attendedByDefault: sessionFieldSchemas.attendedByDefault.default(false),
  })
  .strict()

const endAfterStart = (s: { startTime?: string | null; endTime?: string | null }) =>
  !s.startTime || !s.endTime || s.startTime <= s.endTime
const endIssue = { message: '終了時刻は開始時刻より後にしてください', path: ['endTime'] }

const seriesRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weekly'), intervalWeeks: z.number().int().min(1).max(8) }).strict(),
  z
    .object({
      kind: z.literal('monthly'),
      nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
      weekday: z.number().int().min(0).max(6),
    })
    .strict(),
])

export interface SaveRosterResult {
  /** Visits created, changed (mode or nights) and removed by this save. */
  created: number
  updated: number
  removed: number
  attended: number
  /** The undo step this save recorded (`undo.last` with it), or null: a save that changed nothing is none. */
  undoStep: number | null
}

/** Sessions (回・開催) of a program and their attendance rosters. */
export const sessionMethods = {
  'sessions.list': method<Session[]>()(z.object({ programId: id }).strict()),
  'sessions.create': method<Session>()(
    z.object({ programId: id, fields: sessionFields.refine(endAfterStart, endIssue) }).strict(),
  ),
  /** A series: the same time, place and mode on each date the rule gives (`count` sessions). */
  'sessions.createSeries': method<Session[]>()(
    z
      .object({
        programId: id,
        rule: seriesRule,
        count: z.number().int().min(1, '回数は1以上にしてください').max(MAX_SERIES_COUNT, `回数は${MAX_SERIES_COUNT}回までです`),
        fields: sessionFields.refine(endAfterStart, endIssue),
      })
      .strict(),
  ),
  'sessions.update': method<Session>()(
    z.object({ id, patch: z.object(sessionFieldSchemas).partial().strict().refine(endAfterStart, endIssue) }).strict(),
  ),
  /** Refused while the session has attendance: removing attendance is a roster decision. */
  'sessions.delete': method<{ deleted: boolean }>()(z.object({ id }).strict()),
  /** The enrolled people (not withdrawn) plus walk-ins who attended, with their attendance. */
  'roster.get': method<Roster>()(z.object({ sessionId: id }).strict()),
  /**
   * Saves a whole roster in one transaction. Idempotent: saving the same roster twice changes
   * nothing. Attended lines create (or update) the person's visit for this session; unticked
   * lines remove it. A line for someone not enrolled is a walk-in.
   */
  'roster.save': method<SaveRosterResult>()(
    z
      .object({
        sessionId: id,
        entries: z.array(rosterEntry).max(5000),
      })
      .strict(),
  ),
} as const
