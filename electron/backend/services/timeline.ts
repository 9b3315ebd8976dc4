import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { ApiError } from '../../../shared/contract/errors'
import type { PersonTimeline, TimelineEntry } from '../../../shared/contract/methods/timeline'
import { todayIso } from '../../../shared/domain/dates'
import { lastStatusDate } from '../../../shared/domain/enrollmentDates'
import { countsByFiscalYear } from '../../../shared/domain/involvementCounts'
import { describeStageRule, evaluateStageRule } from '../../../shared/domain/stageSuggestion'
import type { EnrollmentRole, EnrollmentStatus, StageCode, VisitMode } from '../../../shared/domain/vocabulary'
import type { BackendContext } from '../context'
import { recordAudit } from '../db/repos/auditRepo'
import { insertStageChange, listStages } from '../db/repos/stagesRepo'
import * as repo from '../db/repos/timelineRepo'
import type { Database } from '../db/schema'
import { readStageRule } from './stageRule'

async function liveStage(db: Kysely<Database>, contactId: string): Promise<StageCode> {
  const stage = await repo.liveContactStage(db, contactId)
  if (!stage) throw ApiError.from('NOT_FOUND', { contactId }, '参加者が見つかりません。削除された可能性があります。')
  return stage as StageCode
}

/** Programs with statuses, visits and stage changes in time order, counts per 年度, and the suggestion. */
export async function personTimeline(db: Kysely<Database>, contactId: string, today = todayIso()): Promise<PersonTimeline> {
  const stage = await liveStage(db, contactId)
  const [visits, enrollments, history, rule, stageRows] = await Promise.all([
    repo.visitsOfContact(db, contactId),
    repo.enrollmentsOfContact(db, contactId),
    repo.stageHistoryOfContact(db, contactId),
    readStageRule(db),
    listStages(db),
  ])
  const entries: TimelineEntry[] = [
    ...visits.map((v) => ({
      kind: 'visit' as const,
      id: v.id,
      date: v.visitDate,
      mode: v.mode as VisitMode,
      nights: v.nights,
      programId: v.programId,
      programName: v.programName,
      purpose: v.purpose,
      municipalityCode: v.municipalityCode,
    })),
    ...enrollments.map((e) => ({
      kind: 'enrollment' as const,
      id: e.id,
      date: lastStatusDate(e),
      programId: e.programId,
      programName: e.programName,
      status: e.status as EnrollmentStatus,
      role: e.role as EnrollmentRole,
    })),
    ...history.map((h) => ({ kind: 'stage' as const, id: h.id, date: h.changedOn, stage: h.stage as StageCode, note: h.note })),
  ]
  // Newest first; on one day the stage change comes last in the reading order it was caused by.
  const order = { stage: 0, visit: 1, enrollment: 2 }
  entries.sort((a, b) => (a.date === b.date ? order[a.kind] - order[b.kind] : a.date < b.date ? 1 : -1))

  const involvements = visits.map((v) => ({
    visitDate: v.visitDate,
    mode: v.mode as VisitMode,
    nights: v.nights,
    programId: v.programId,
  }))
  const fired = evaluateStageRule(rule, stage, involvements, today)
  const answered = fired ? await repo.suggestionDecision(db, contactId, fired.to) : undefined
  const label = (code: StageCode) => stageRows.find((s) => s.code === code)?.label ?? code
  return {
    contactId,
    stage,
    entries,
    fiscalYears: countsByFiscalYear(involvements),
    suggestion: fired && !answered ? { ...fired, rule: describeStageRule(rule, label) } : null,
  }
}

/** Accepting moves the person to the stage, with a stage-history line saying why. */
export async function acceptSuggestion(ctx: BackendContext, contactId: string, stage: StageCode): Promise<PersonTimeline> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await liveStage(trx, contactId)
    const rule = await readStageRule(trx)
    const now = new Date().toISOString()
    if (current !== stage) {
      await repo.setContactStage(trx, contactId, stage, now)
      await insertStageChange(trx, {
        id: uuidv7(),
        contactId,
        stage,
        changedOn: todayIso(),
        note: `提案を採用（${describeStageRule(rule)}）`,
        createdAt: now,
      })
      await recordAudit(trx, [
        {
          userName: ctx.userName,
          action: 'update',
          entity: 'contact',
          entityId: contactId,
          changes: { stage: [current, stage] },
        },
      ])
    }
    await repo.recordSuggestionDecision(trx, { contactId, stage, decision: 'accepted', decidedAt: now })
  })
  ctx.events.emit('data.changed', { entity: 'contact', ids: [contactId] })
  return personTimeline(ctx.db, contactId)
}

export async function ignoreSuggestion(ctx: BackendContext, contactId: string, stage: StageCode): Promise<PersonTimeline> {
  await ctx.db.transaction().execute(async (trx) => {
    await liveStage(trx, contactId)
    await repo.recordSuggestionDecision(trx, { contactId, stage, decision: 'ignored', decidedAt: new Date().toISOString() })
  })
  ctx.events.emit('data.changed', { entity: 'contact', ids: [contactId] })
  return personTimeline(ctx.db, contactId)
}
