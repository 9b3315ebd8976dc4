import type { Insertable, Updateable } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { ApiError } from '../../../shared/contract/errors'
import type { Program, ProgramCreateInput, ProgramPatch } from '../../../shared/contract/programs'
import type { programCreate } from '../../../shared/contract/programs'
import { fiscalYearOf } from '../../../shared/domain/dates'
import { changedFields } from '../../../shared/domain/fieldChanges'
import {
  addDays,
  daysBetween,
  jstParts,
  jstInstant,
  nextYearProgramName,
  sameWeekdayNextYear,
} from '../../../shared/domain/sessionSeries'
import type { FundingSource, MicModelType, ProgramCategory, ProgramStatus } from '../../../shared/domain/vocabulary'
import type { z } from 'zod'
import type { BackendContext } from '../context'
import { recordAudit } from '../db/repos/auditRepo'
import * as repo from '../db/repos/programsRepo'
import { insertSessions, listSessionRows } from '../db/repos/sessionsRepo'
import type { Database, ProgramsTable } from '../db/schema'
import type { Kysely } from 'kysely'

type ProgramRow = NonNullable<Awaited<ReturnType<typeof repo.findProgramRow>>>

function toProgram(r: ProgramRow, municipalityCodes: string[]): Program {
  return {
    id: r.id,
    name: r.name,
    fiscalYear: r.fiscalYear,
    category: r.category as ProgramCategory,
    fundingSource: r.fundingSource as FundingSource | null,
    grantName: r.grantName,
    micModelType: r.micModelType as MicModelType | null,
    status: r.status as ProgramStatus,
    startDate: r.startDate,
    endDate: r.endDate,
    capacity: r.capacity,
    fee: r.fee,
    coordinator: r.coordinator,
    description: r.description,
    municipalityCodes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

export async function getProgram(db: Kysely<Database>, id: string): Promise<Program> {
  const row = await repo.findProgramRow(db, id)
  if (!row) throw ApiError.from('NOT_FOUND', { id }, 'プログラムが見つかりません。削除された可能性があります。')
  return toProgram(row, await repo.programMunicipalityCodes(db, id))
}

export async function createProgram(ctx: BackendContext, fields: z.output<typeof programCreate>): Promise<Program> {
  const { municipalityCodes, fiscalYear, ...columns } = fields
  const now = new Date().toISOString()
  const row: Insertable<ProgramsTable> = {
    ...columns,
    name: columns.name ?? '',
    // 年度 follows the start date unless the coordinator set it (a March event booked in next year's budget).
    fiscalYear: fiscalYear ?? fiscalYearOf(columns.startDate!),
    id: uuidv7(),
    createdAt: now,
    updatedAt: now,
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertProgram(trx, row)
    await repo.replaceProgramMunicipalities(trx, row.id, municipalityCodes)
    await recordAudit(trx, [{ userName: ctx.userName, action: 'create', entity: 'program', entityId: row.id }])
  })
  ctx.events.emit('data.changed', { entity: 'program', ids: [row.id] })
  return getProgram(ctx.db, row.id)
}

export async function updateProgram(ctx: BackendContext, id: string, patch: ProgramPatch): Promise<Program> {
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const before = await getProgram(trx, id)
    const { municipalityCodes, ...columns } = patch
    if (columns.name === null) delete columns.name
    if (columns.fiscalYear === null) {
      const start = columns.startDate !== undefined ? columns.startDate : before.startDate
      if (!start)
        throw ApiError.from(
          'INVALID_ARGS',
          { issues: [{ path: ['patch', 'fiscalYear'], message: '年度か開始日のどちらかを入力してください' }] },
          '年度か開始日のどちらかを入力してください',
        )
      columns.fiscalYear = fiscalYearOf(start)
    }
    const changes = changedFields(before, columns)
    if (municipalityCodes !== undefined && municipalityCodes.join() !== before.municipalityCodes.join()) {
      changes.municipalityCodes = [before.municipalityCodes, municipalityCodes]
      await repo.replaceProgramMunicipalities(trx, id, [...municipalityCodes].sort())
    }
    if (Object.keys(changes).length === 0) return false
    const values: Updateable<ProgramsTable> = { ...(columns as Updateable<ProgramsTable>), updatedAt: new Date().toISOString() }
    await repo.updateProgram(trx, id, values)
    await recordAudit(trx, [{ userName: ctx.userName, action: 'update', entity: 'program', entityId: id, changes }])
    return true
  })
  if (changed) ctx.events.emit('data.changed', { entity: 'program', ids: [id] })
  return getProgram(ctx.db, id)
}

export async function deleteProgram(ctx: BackendContext, id: string): Promise<boolean> {
  await ctx.db.transaction().execute(async (trx) => {
    await getProgram(trx, id)
    const now = new Date().toISOString()
    await repo.updateProgram(trx, id, { deletedAt: now, updatedAt: now })
    await recordAudit(trx, [{ userName: ctx.userName, action: 'delete', entity: 'program', entityId: id }])
  })
  ctx.events.emit('data.changed', { entity: 'program', ids: [id] })
  return true
}

/**
 * Next year's edition of a program: every field, the target municipalities and the sessions
 * moved to the same weekday one year later; no enrollments, no attendance, no headcounts.
 * The 年度 written in the name moves on too (しまコトアカデミー2025 → 2026).
 */
export async function copyProgramToNextYear(ctx: BackendContext, id: string): Promise<Program> {
  const newId = uuidv7()
  await ctx.db.transaction().execute(async (trx) => {
    const source = await getProgram(trx, id)
    const sessions = await listSessionRows(trx, id)
    const now = new Date().toISOString()
    const shift = (date: string | null) => (date ? sameWeekdayNextYear(date) : null)
    const startDate = shift(source.startDate)
    // The end keeps its distance from the start, so a 2泊3日 stays three days.
    const endDate =
      source.endDate && source.startDate && startDate
        ? addDays(startDate, daysBetween(source.startDate, source.endDate))
        : shift(source.endDate)
    await repo.insertProgram(trx, {
      id: newId,
      name: nextYearProgramName(source.name, source.fiscalYear),
      fiscalYear: startDate ? fiscalYearOf(startDate) : source.fiscalYear + 1,
      category: source.category,
      fundingSource: source.fundingSource,
      grantName: source.grantName ? nextYearProgramName(source.grantName, source.fiscalYear) : null,
      micModelType: source.micModelType,
      status: 'planned',
      startDate,
      endDate,
      capacity: source.capacity,
      fee: source.fee,
      coordinator: source.coordinator,
      description: source.description,
      createdAt: now,
      updatedAt: now,
    })
    await repo.replaceProgramMunicipalities(trx, newId, source.municipalityCodes)
    await insertSessions(
      trx,
      sessions.map((s) => {
        const start = jstParts(s.startsAt)
        const date = sameWeekdayNextYear(start.date)
        const end = s.endsAt ? jstParts(s.endsAt) : null
        return {
          id: uuidv7(),
          programId: newId,
          startsAt: jstInstant(date, start.time),
          endsAt: end ? jstInstant(addDays(date, daysBetween(start.date, end.date)), end.time) : null,
          place: s.place,
          municipalityCode: s.municipalityCode,
          mode: s.mode,
          anonymousHeadcount: 0,
          notes: s.notes,
          attendedByDefault: s.attendedByDefault,
          createdAt: now,
          updatedAt: now,
        }
      }),
    )
    await recordAudit(trx, [
      { userName: ctx.userName, action: 'create', entity: 'program', entityId: newId, changes: { copiedFrom: [null, id] } },
    ])
  })
  ctx.events.emit('data.changed', { entity: 'program', ids: [newId] })
  ctx.events.emit('data.changed', { entity: 'session' })
  return getProgram(ctx.db, newId)
}

export type { ProgramCreateInput }
