import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { ApiError } from '../../../shared/contract/errors'
import type { Session } from '../../../shared/contract/programs'
import { changedFields } from '../../../shared/domain/fieldChanges'
import { dateWithWeekday, jstInstant, sessionsOnRecord, seriesDates } from '../../../shared/domain/sessionSeries'
import type { SeriesRule } from '../../../shared/domain/sessionSeries'
import type { SessionMode } from '../../../shared/domain/vocabulary'
import type { BackendContext } from '../context'
import { recordAudit } from '../db/repos/auditRepo'
import { findProgramRow } from '../db/repos/programsRepo'
import * as repo from '../db/repos/sessionsRepo'
import type { Database } from '../db/schema'
import { batchIdFor } from './auditBatch'

export interface SessionFields {
  date: string
  startTime: string | null
  endTime: string | null
  place: string | null
  municipalityCode: string | null
  mode: SessionMode
  anonymousHeadcount: number
  notes: string | null
  attendedByDefault: boolean
}

async function assertProgram(db: Kysely<Database>, programId: string) {
  const program = await findProgramRow(db, programId)
  if (!program) throw ApiError.from('NOT_FOUND', { programId }, 'プログラムが見つかりません。削除された可能性があります。')
  return program
}

export async function findSession(db: Kysely<Database>, id: string) {
  const row = await repo.findSessionRow(db, id)
  if (!row) throw ApiError.from('NOT_FOUND', { id }, '開催回が見つかりません。削除された可能性があります。')
  return row
}

/** Local date and times → the stored instants (a session without a time starts at midnight JST). */
function instants(f: Pick<SessionFields, 'date' | 'startTime' | 'endTime'>) {
  return { startsAt: jstInstant(f.date, f.startTime ?? '00:00'), endsAt: f.endTime ? jstInstant(f.date, f.endTime) : null }
}

function rowOf(programId: string, f: SessionFields, now: string) {
  return {
    id: uuidv7(),
    programId,
    ...instants(f),
    place: f.place,
    municipalityCode: f.municipalityCode,
    mode: f.mode,
    anonymousHeadcount: f.anonymousHeadcount,
    notes: f.notes,
    attendedByDefault: f.attendedByDefault ? 1 : 0,
    createdAt: now,
    updatedAt: now,
  }
}

export async function listSessions(db: Kysely<Database>, programId: string): Promise<Session[]> {
  await assertProgram(db, programId)
  return (await repo.listSessionRows(db, programId)).map(repo.toSession)
}

/**
 * Refuses sessions the program already has. "Already has" is what the programs import means by
 * it (sessionsOnRecord): the same start time on the same day, and a session without a time is
 * any time that day. Pressing 開催回を追加 twice must not register a series twice.
 */
async function assertNoSessionsAt(db: Kysely<Database>, programId: string, dates: string[], startTime: string | null) {
  const onRecord = sessionsOnRecord((await repo.listSessionRows(db, programId)).map((r) => r.startsAt))
  const taken = dates.filter((date) => onRecord.has(date, startTime))
  if (taken.length === 0) return
  const when = (date: string) => `${dateWithWeekday(date)}${startTime ?? ''}`
  const listed = taken.slice(0, 3).map(when).join('、') + (taken.length > 3 ? ` ほか${taken.length - 3}回` : '')
  throw ApiError.from(
    'CONFLICT',
    { dates: taken, startTime },
    `${listed}の開催回はすでに登録されています。同じ日時の回は追加できません（この操作では1回も追加していません）。`,
  )
}

/** One session, or a series of them (same time, place and mode on each date of the rule). */
export async function createSessions(
  ctx: BackendContext,
  programId: string,
  dates: string[],
  fields: SessionFields,
): Promise<Session[]> {
  const now = new Date().toISOString()
  const rows = dates.map((date) => rowOf(programId, { ...fields, date }, now))
  await ctx.db.transaction().execute(async (trx) => {
    await assertProgram(trx, programId)
    await assertNoSessionsAt(trx, programId, dates, fields.startTime)
    await repo.insertSessions(trx, rows)
    const batchId = batchIdFor(rows.length)
    await recordAudit(
      trx,
      rows.map((r) => ({
        userName: ctx.userName,
        action: 'create' as const,
        entity: 'session',
        entityId: r.id,
        changes: { programId: [null, programId] },
        batchId,
      })),
    )
  })
  ctx.events.emit('data.changed', { entity: 'session', ids: rows.map((r) => r.id) })
  const ids = new Set(rows.map((r) => r.id))
  return (await repo.listSessionRows(ctx.db, programId)).filter((r) => ids.has(r.id)).map(repo.toSession)
}

export function seriesRuleOf(
  rule: { kind: 'weekly'; intervalWeeks: number } | { kind: 'monthly'; nth: 1 | 2 | 3 | 4 | -1; weekday: number },
  startDate: string,
  count: number,
): SeriesRule {
  return rule.kind === 'weekly' ? { ...rule, startDate, count } : { ...rule, startDate, count }
}

export async function createSeries(
  ctx: BackendContext,
  programId: string,
  rule: Parameters<typeof seriesRuleOf>[0],
  count: number,
  fields: SessionFields,
): Promise<Session[]> {
  return createSessions(ctx, programId, seriesDates(seriesRuleOf(rule, fields.date, count)), fields)
}

export async function updateSession(ctx: BackendContext, id: string, patch: Partial<SessionFields>): Promise<Session> {
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const before = repo.toSession(await findSession(trx, id))
    const after = { ...before, ...patch }
    const changes = changedFields(before, patch)
    if (Object.keys(changes).length === 0) return false
    if (after.startTime && after.endTime && after.endTime < after.startTime) {
      throw ApiError.from(
        'INVALID_ARGS',
        { issues: [{ path: ['patch', 'endTime'], message: '終了時刻は開始時刻より後にしてください' }] },
        '終了時刻は開始時刻より後にしてください',
      )
    }
    const now = new Date().toISOString()
    await repo.updateSession(trx, id, {
      ...instants(after),
      place: after.place,
      municipalityCode: after.municipalityCode,
      mode: after.mode,
      anonymousHeadcount: after.anonymousHeadcount,
      notes: after.notes,
      attendedByDefault: after.attendedByDefault ? 1 : 0,
      updatedAt: now,
    })
    // Attendance follows its session: moving the session moves the day of its visits.
    if (changes.date) await repo.moveSessionVisits(trx, id, after.date, now)
    await recordAudit(trx, [{ userName: ctx.userName, action: 'update', entity: 'session', entityId: id, changes }])
    return true
  })
  if (changed) ctx.events.emit('data.changed', { entity: 'session', ids: [id] })
  return repo.toSession(await findSession(ctx.db, id))
}

export async function deleteSession(ctx: BackendContext, id: string): Promise<boolean> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findSession(trx, id)
    if (row.attendedCount > 0) {
      throw ApiError.from(
        'CONFLICT',
        { attended: row.attendedCount },
        `この回には${row.attendedCount}人の出席記録があるため削除できません。先に出欠表で出席を外してください。`,
      )
    }
    await repo.deleteSession(trx, id)
    await recordAudit(trx, [{ userName: ctx.userName, action: 'delete', entity: 'session', entityId: id }])
  })
  ctx.events.emit('data.changed', { entity: 'session', ids: [id] })
  return true
}
