import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { SaveRosterResult } from '../../../shared/contract/methods/sessions'
import type { Roster } from '../../../shared/contract/programs'
import { nightsFor, visitModeOfSession } from '../../../shared/domain/vocabulary'
import type { EnrollmentRole, EnrollmentStatus, VisitMode } from '../../../shared/domain/vocabulary'
import type { BackendContext } from '../context'
import * as attendance from '../db/repos/attendanceRepo'
import type { AuditEntry } from '../db/repos/auditRepo'
import { recordAudit } from '../db/repos/auditRepo'
import { findProgramRow } from '../db/repos/programsRepo'
import { toSession } from '../db/repos/sessionsRepo'
import { deleteVisits, findVisits, insertVisits } from '../db/repos/visitsRepo'
import type { Database } from '../db/schema'
import { slashDate } from '../../../shared/domain/dates'
import { assertLivePeople } from './livePeople'
import { findSession } from './sessions'
import { recordUndo } from './undoLog'

export async function getRoster(db: Kysely<Database>, sessionId: string): Promise<Roster> {
  const row = await findSession(db, sessionId)
  const program = await findProgramRow(db, row.programId)
  const people = await attendance.rosterPeople(db, row.programId, sessionId)
  const session = toSession(row)
  // Before the first save, lines start at the session's default; after it (or once attendance
  // exists, e.g. imported), at what was recorded.
  const savedAt = row.rosterSavedAt ?? (row.attendedCount > 0 ? row.updatedAt : null)
  const startTicked = savedAt === null && session.attendedByDefault
  return {
    session,
    programName: program?.name ?? '',
    savedAt,
    lines: people.map((p) => ({
      contactId: p.contactId,
      familyName: p.familyName,
      givenName: p.givenName,
      familyKana: p.familyKana,
      givenKana: p.givenKana,
      enrollmentStatus: p.enrollmentStatus as EnrollmentStatus | null,
      role: p.role as EnrollmentRole | null,
      attended: p.visitId !== null || (startTicked && p.enrollmentStatus !== null),
      mode: (p.mode as VisitMode | null) ?? visitModeOfSession(session.mode),
      nights: p.nights ?? 0,
    })),
  }
}

/**
 * Saves attendance for one session in one transaction. Attended → the person has exactly one
 * visit for this session (created, or its mode/nights updated); not attended → no visit.
 * People not in `entries` are left as they are. Saving the same roster again is a no-op.
 */
export async function saveRoster(
  ctx: BackendContext,
  sessionId: string,
  entries: { contactId: string; attended: boolean; mode: VisitMode; nights: number }[],
): Promise<SaveRosterResult> {
  // Online attendance has no overnight stay (延べ宿泊数 counts onsite stays only).
  const byContact = new Map(entries.map((e) => [e.contactId, { ...e, nights: nightsFor(e.mode, e.nights) }]))
  const result = await ctx.db.transaction().execute(async (trx) => {
    const session = await findSession(trx, sessionId)
    const visitDate = toSession(session).date
    const attendedIds = [...byContact.values()].filter((e) => e.attended).map((e) => e.contactId)
    await assertLivePeople(trx, attendedIds)
    const existing = new Map((await attendance.visitsOfSession(trx, sessionId)).map((v) => [v.contactId, v]))
    const now = new Date().toISOString()
    const inserts = []
    const removals: string[] = []
    const audit: AuditEntry[] = []
    const batchId = uuidv7()
    let updated = 0
    const updatedBefore: { id: string; before: Record<string, unknown> }[] = []
    for (const entry of byContact.values()) {
      const visit = existing.get(entry.contactId)
      if (entry.attended && !visit) {
        const id = uuidv7()
        inserts.push({
          id,
          contactId: entry.contactId,
          programId: session.programId,
          sessionId,
          visitDate,
          mode: entry.mode,
          municipalityCode: session.municipalityCode,
          nights: entry.nights,
          purpose: null,
          notes: null,
          createdAt: now,
          updatedAt: now,
        })
        audit.push({
          userName: ctx.userName,
          action: 'create',
          entity: 'visit',
          entityId: id,
          changes: { contactId: [null, entry.contactId], sessionId: [null, sessionId] },
          batchId,
        })
      } else if (entry.attended && visit && (visit.mode !== entry.mode || visit.nights !== entry.nights)) {
        await attendance.updateVisitAttendance(trx, visit.id, entry.mode, entry.nights, now)
        updated += 1
        updatedBefore.push({ id: visit.id, before: { mode: visit.mode, nights: visit.nights } })
        audit.push({
          userName: ctx.userName,
          action: 'update',
          entity: 'visit',
          entityId: visit.id,
          changes: { mode: [visit.mode, entry.mode], nights: [visit.nights, entry.nights] },
          batchId,
        })
      } else if (!entry.attended && visit) {
        removals.push(visit.id)
        audit.push({
          userName: ctx.userName,
          action: 'delete',
          entity: 'visit',
          entityId: visit.id,
          changes: { contactId: [entry.contactId, null], sessionId: [sessionId, null] },
          batchId,
        })
      }
    }
    // Deleted for good, so the undo step keeps the whole rows to write them back.
    const removedRows = await findVisits(trx, removals)
    await insertVisits(trx, inserts)
    await deleteVisits(trx, removals)
    await recordAudit(trx, audit)
    await attendance.markRosterSaved(trx, sessionId, now)
    // One save is one undo step that puts the roster back as it was (a save that changed no
    // attendance is none). Reverted last to first: the new visits go, then the old values and rows return.
    const programName = (await findProgramRow(trx, session.programId))?.name ?? ''
    const undoStep = await recordUndo(trx, `出欠の保存（${programName}・${slashDate(visitDate)}）`, [
      { kind: 'rosterSaved', sessionId, savedAtBefore: session.rosterSavedAt },
      { kind: 'visitsDeleted', rows: removedRows },
      { kind: 'visitFields', rows: updatedBefore },
      { kind: 'visitsCreated', ids: inserts.map((r) => r.id) },
    ])
    const attended = (await attendance.visitsOfSession(trx, sessionId)).length
    return { created: inserts.length, updated, removed: removals.length, attended, undoStep }
  })
  if (result.created + result.updated + result.removed > 0) ctx.events.emit('data.changed', { entity: 'visit' })
  ctx.events.emit('data.changed', { entity: 'session', ids: [sessionId] })
  return result
}
