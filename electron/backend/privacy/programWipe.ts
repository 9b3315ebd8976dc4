import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../../shared/contract/errors'
import { mimeTypes } from '../../../shared/contract/files'
import type { ProgramWipePreview, ProgramWipeResult } from '../../../shared/contract/privacy'
import { todayIso } from '../../../shared/domain/dates'
import type { BackendContext } from '../context'
import { backgroundSettled } from '../db/connection'
import { recordAudit } from '../db/repos/auditRepo'
import { protectIfAsked } from '../export/protectedZip'
import {
  programOfWipe,
  programPeople,
  programPersonalRows,
  programVisitCount,
  scrubTrails,
  wipeProgramRows,
} from '../db/repos/privacyRepo'
import { defaultBackupDir, listBackups } from '../safety/backups'
import { takeBackup } from '../safety/takeBackup'
import { signLog } from './signedLog'

export async function previewProgramWipe(ctx: BackendContext, programId: string): Promise<ProgramWipePreview> {
  const program = await programOfWipe(ctx.db, programId)
  if (!program) throw ApiError.from('NOT_FOUND', { programId })
  const people = await programPeople(ctx.db, programId)
  return {
    programId,
    programName: program.name,
    peopleDeleted: people.onlyHere.length,
    peopleKept: people.elsewhere.length,
    visits: await programVisitCount(ctx.db, programId),
    backupsRemoved: listBackups(ctx.backupDir ?? defaultBackupDir(ctx.handle.file), ctx.handle.file).length,
  }
}

/**
 * End of contract (契約終了時のデータ返却・消去): exports the program's personal data, deletes it
 * (people involved only through this program, and every enrollment and visit of it), then
 * makes the deletion real: freed pages zeroed (secure_delete), the WAL truncated, and the
 * backups that still hold the data removed and replaced by one fresh backup. Ends with a
 * signed log. The program itself (name, sessions, anonymous headcounts) stays.
 */
export async function wipeProgram(
  ctx: BackendContext,
  programId: string,
  expectedPeople: number,
  password?: string,
): Promise<ProgramWipeResult> {
  const preview = await previewProgramWipe(ctx, programId)
  if (preview.peopleDeleted !== expectedPeople) {
    throw ApiError.from('CONFLICT', { preview }, '確認した後に記録が変わりました。内容を確かめてからもう一度実行してください。')
  }
  const people = await programPeople(ctx.db, programId)
  const rows = await programPersonalRows(ctx.db, programId, [...people.onlyHere, ...people.elsewhere])
  // Built (and encrypted) before anything is deleted: a failure here leaves the data as it was.
  const exported = await protectIfAsked(
    {
      fileName: `返却データ_${preview.programName}_${todayIso()}.json`,
      mimeType: mimeTypes.json,
      base64: Buffer.from(JSON.stringify(rows, null, 2), 'utf8').toString('base64'),
    },
    password,
  )
  const { sqlite } = ctx.handle
  sqlite.pragma('secure_delete = ON')
  let counts: { visits: number; enrollments: number }
  try {
    counts = await ctx.db.transaction().execute(async (trx) => {
      for (const id of people.onlyHere) await scrubTrails(trx, id)
      const c = await wipeProgramRows(trx, programId, people.onlyHere)
      await recordAudit(trx, [
        {
          userName: ctx.userName,
          action: 'delete',
          entity: 'program_data',
          entityId: programId,
          changes: {
            people: [people.onlyHere.length, 0],
            visits: [c.visits, 0],
            exportPasswordProtected: [null, password !== undefined],
          },
        },
      ])
      return c
    })
  } finally {
    sqlite.pragma('secure_delete = OFF')
  }
  // Truncated only once no checkpoint thread is reading the log.
  await backgroundSettled(ctx.handle)
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  const dir = ctx.backupDir ?? defaultBackupDir(ctx.handle.file)
  const old = listBackups(dir, ctx.handle.file)
  for (const b of old) {
    fs.rmSync(path.join(dir, b.id), { force: true })
    fs.rmSync(path.join(dir, `${b.id}.json`), { force: true })
  }
  await takeBackup(ctx, 'manual')
  const log = await signLog(ctx.db, {
    kind: 'program-wipe' as const,
    programId,
    programName: preview.programName,
    wipedAt: new Date().toISOString(),
    userName: ctx.userName,
    peopleDeleted: people.onlyHere.length,
    peopleKeptForOtherPrograms: people.elsewhere.length,
    visitsDeleted: counts.visits,
    enrollmentsDeleted: counts.enrollments,
    backupsRemoved: old.length,
  })
  for (const entity of ['contact', 'visit', 'enrollment', 'program'] as const) ctx.events.emit('data.changed', { entity })
  return { export: exported, log }
}
