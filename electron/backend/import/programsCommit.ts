import type { Database as Sqlite } from 'better-sqlite3'
import { uuidv7 } from 'uuidv7'
import type { ImportCommitResult } from '../../../shared/contract/imports'
import { jstInstant, sessionsOnRecord } from '../../../shared/domain/sessionSeries'
import { batchItemWriter, insertBatch } from '../db/repos/importRepo'
import { kindWriters, setBatchCounts } from '../db/repos/importKindsRepo'
import type { CommitOptions } from './contactsCommit'
import { programIndex } from './kindsPreview'
import type { ProgramsPreview } from './kindsPreview'
import { emptyKindCounts, YIELD_EVERY } from './visitsCommit'

/**
 * Writes a programs import (a generator run by runTransactionJob inside ONE transaction):
 * each program of the file is created, or the live program of the same name and 年度 is reused
 * as it is; each row with a session date adds a session unless one already starts at that
 * time. Rows with errors and rows the user chose to skip add nothing.
 *
 * Which programs and sessions exist is looked up again here, not taken from the preview: two
 * previews of the same file (two windows, or a file read again before the first was
 * committed) would otherwise each create the program.
 */
export function* commitProgramsPreview(
  sqlite: Sqlite,
  preview: ProgramsPreview,
  options: CommitOptions,
): Generator<number, ImportCommitResult, void> {
  const now = options.now ?? new Date().toISOString()
  const today = now.slice(0, 10)
  const batchId = uuidv7()
  const w = kindWriters(sqlite)
  const item = batchItemWriter(sqlite)
  const kindCounts = emptyKindCounts()
  const result = { batchId, created: 0, merged: 0, skipped: 0, errors: 0 }
  insertBatch(sqlite, {
    id: batchId,
    kind: 'programs',
    fileName: preview.source.fileName,
    encoding: preview.source.encoding,
    mapping: options.mapping,
    counts: {},
    userName: options.userName,
    createdAt: now,
  })
  result.errors = preview.rows.filter((r) => !r.read.ok).length
  const live = programIndex(sqlite)
  let done = 0
  for (const group of preview.groups) {
    const rows = group.rows.map((i) => preview.rows[i]!).filter((r) => options.decisions?.[r.index]?.action !== 'skip')
    result.skipped += group.rows.length - rows.length
    if (rows.length === 0) continue
    let programId = live.find(group.program.name!, group.program.fiscalYear!)
    const starts = sessionsOnRecord(programId ? live.sessions(programId).map((session) => session.startsAt) : [])
    if (!programId) {
      programId = uuidv7()
      const p = group.program
      const days = rows.flatMap((r) => (r.view.session ? [r.view.session.date] : [])).sort()
      const startDate = p.startDate ?? days[0] ?? null
      const endDate = p.endDate ?? days.at(-1) ?? null
      w.insertProgram.run({
        id: programId,
        name: p.name,
        fiscalYear: p.fiscalYear,
        category: p.category ?? 'other',
        fundingSource: p.fundingSource,
        // A list of past programs is a record of finished work, not plans.
        status: endDate && endDate < today ? 'finished' : 'planned',
        startDate,
        endDate,
        capacity: p.capacity,
        fee: p.fee,
        coordinator: p.coordinator,
        description: p.description,
        now,
      })
      for (const code of p.municipalityCodes) w.insertProgramMunicipality.run(programId, code)
      w.audit(now, options.userName, 'import', 'program', programId, null, batchId)
      item(batchId, 'program', programId, 'created', null, null)
      kindCounts.programsCreated++
    }
    for (const row of rows) {
      if (++done % YIELD_EVERY === 0) yield done
      const session = row.view.session
      if (!session) continue
      if (starts.has(session.date, session.startTime)) {
        if (row.view.sessionOutcome === 'repeat') kindCounts.sessionsRepeated++
        else kindCounts.sessionsExisting++
        continue
      }
      starts.add(session.date, session.startTime)
      const startsAt = jstInstant(session.date, session.startTime ?? '00:00')
      const id = uuidv7()
      w.insertSession.run({
        id,
        programId,
        startsAt,
        endsAt: session.endTime ? jstInstant(session.date, session.endTime) : null,
        place: session.place,
        municipalityCode: session.municipalityCode,
        mode: session.mode ?? 'onsite',
        now,
      })
      w.audit(now, options.userName, 'import', 'session', id, { programId: [null, programId] }, batchId)
      item(batchId, 'session', id, 'created', null, null)
      kindCounts.sessionsCreated++
    }
  }
  const { batchId: _, ...counts } = result
  setBatchCounts(sqlite, batchId, { ...counts, ...kindCounts })
  return { ...result, kindCounts }
}
