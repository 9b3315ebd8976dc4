import type { Database as Sqlite } from 'better-sqlite3'
import { uuidv7 } from 'uuidv7'
import { personDraftFields } from '../../../../shared/domain/import/personRow'
import type { PersonDraft } from '../../../../shared/domain/import/personRow'
import { personUpdater } from './importRepo'

/**
 * SQL of the visits and programs imports: looking up programs and sessions for a preview,
 * and the writes of their commits and undo (people are written as the contacts import does).
 */

export interface ProgramKey {
  id: string
  name: string
  fiscalYear: number
  startDate: string | null
  endDate: string | null
}

export function livePrograms(sqlite: Sqlite): ProgramKey[] {
  return sqlite
    .prepare(
      `SELECT id, name, fiscal_year AS fiscalYear, start_date AS startDate, end_date AS endDate
       FROM programs WHERE deleted_at IS NULL ORDER BY created_at, id`,
    )
    .all() as ProgramKey[]
}

export interface SessionKey {
  id: string
  startsAt: string
  mode: 'onsite' | 'online' | 'hybrid'
}

/** Sessions of one program in order (第1回 first). */
export function sessionsOf(sqlite: Sqlite): (programId: string) => SessionKey[] {
  const statement = sqlite.prepare(
    `SELECT id, starts_at AS startsAt, mode FROM program_sessions WHERE program_id = ? ORDER BY starts_at, id`,
  )
  return (programId) => statement.all(programId) as SessionKey[]
}

/**
 * Whether a person already has a visit that day recorded with no program (see
 * kindWriters.unlinkedVisits): the preview warns that such a row will not be added again.
 */
export function unlinkedVisitOn(sqlite: Sqlite): (contactId: string, visitDate: string) => boolean {
  const statement = sqlite.prepare(
    `SELECT 1 FROM visits WHERE contact_id = ? AND visit_date = ? AND program_id IS NULL AND session_id IS NULL LIMIT 1`,
  )
  return (contactId, visitDate) => statement.get(contactId, visitDate) !== undefined
}

const column = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const personColumns = personDraftFields.map(column)

export type StoredPerson = PersonDraft & { id: string }

/** The statements a commit uses; prepared once per commit. */
export function kindWriters(sqlite: Sqlite) {
  const audit = sqlite.prepare(
    `INSERT INTO audit_log (id, at, user_name, action, entity, entity_id, changes, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  return {
    insertPerson: sqlite.prepare(
      `INSERT INTO contacts (id, ${personColumns.join(', ')}, stage, consent_purposes, search_key, created_at, updated_at)
       VALUES (?, ${personColumns.map(() => '?').join(', ')}, 'tsukamu', '[]', ?, ?, ?)`,
    ),
    stage: sqlite.prepare(
      `INSERT INTO stage_history (id, contact_id, stage, changed_on, note, created_at) VALUES (?, ?, 'tsukamu', ?, '取り込みで登録', ?)`,
    ),
    selectPerson: sqlite.prepare(
      `SELECT id, ${personDraftFields.map((f) => `${column(f)} AS ${f}`).join(', ')} FROM contacts WHERE id = ? AND deleted_at IS NULL`,
    ),
    updatePerson: personUpdater(sqlite),
    /**
     * The person's attendance of the session, or a visit to its program that day recorded
     * without a session (an earlier list's row, from before the session was registered).
     */
    attended: sqlite.prepare(
      `SELECT 1 FROM visits WHERE contact_id = @contactId
         AND (session_id = @sessionId OR (session_id IS NULL AND program_id = @programId AND visit_date = @visitDate))`,
    ),
    /**
     * The person's visits that day recorded with no program at all: a sheet imported before its
     * program was registered. The same sheet again, now linked, is the same visit (ids, so a
     * commit can tell its own visits apart from those recorded before).
     */
    unlinkedVisits: sqlite.prepare(
      `SELECT id FROM visits WHERE contact_id = ? AND visit_date = ? AND program_id IS NULL AND session_id IS NULL`,
    ),
    /** Whether a visit's program (not in the trash) and session are still there. */
    liveTarget: sqlite.prepare(
      `SELECT EXISTS (SELECT 1 FROM programs WHERE id = @programId AND deleted_at IS NULL) AS program,
              (@sessionId IS NULL OR EXISTS (SELECT 1 FROM program_sessions WHERE id = @sessionId)) AS session`,
    ),
    /**
     * The same person, day, program, place, purpose and notes without a session: the same visit
     * recorded before (the same sheet again). Two visits of one day to different places or for
     * different purposes are two visits.
     */
    sameVisit: sqlite.prepare(
      `SELECT 1 FROM visits WHERE contact_id = @contactId AND visit_date = @visitDate AND session_id IS NULL
         AND program_id IS @programId AND municipality_code IS @municipalityCode AND purpose IS @purpose AND notes IS @notes`,
    ),
    insertVisit: sqlite.prepare(
      `INSERT INTO visits (id, contact_id, program_id, session_id, visit_date, mode, municipality_code, nights, purpose, notes, created_at, updated_at)
       VALUES (@id, @contactId, @programId, @sessionId, @visitDate, @mode, @municipalityCode, @nights, @purpose, @notes, @now, @now)`,
    ),
    insertProgram: sqlite.prepare(
      `INSERT INTO programs (id, name, fiscal_year, category, funding_source, status, start_date, end_date, capacity, fee, coordinator, description, created_at, updated_at)
       VALUES (@id, @name, @fiscalYear, @category, @fundingSource, @status, @startDate, @endDate, @capacity, @fee, @coordinator, @description, @now, @now)`,
    ),
    insertProgramMunicipality: sqlite.prepare(
      `INSERT OR IGNORE INTO program_municipalities (program_id, municipality_code) VALUES (?, ?)`,
    ),
    insertSession: sqlite.prepare(
      `INSERT INTO program_sessions (id, program_id, starts_at, ends_at, place, municipality_code, mode, created_at, updated_at)
       VALUES (@id, @programId, @startsAt, @endsAt, @place, @municipalityCode, @mode, @now, @now)`,
    ),
    audit: (at: string, userName: string, action: string, entity: string, id: string, changes: unknown, batchId: string) =>
      audit.run(uuidv7(), at, userName, action, entity, id, changes === null ? null : JSON.stringify(changes), batchId),
  }
}
export type KindWriters = ReturnType<typeof kindWriters>

/** Undo's deletes of what a visits/programs import created (people are left to the contacts undo). */
export function kindRemovers(sqlite: Sqlite) {
  const monthOf = sqlite.prepare(`SELECT substr(visit_date, 1, 7) AS month FROM visits WHERE id = ?`)
  const removeVisit = sqlite.prepare(`DELETE FROM visits WHERE id = ?`)
  const removeSession = sqlite.prepare(`DELETE FROM program_sessions WHERE id = ?`)
  const removeProgram = sqlite.prepare(`DELETE FROM programs WHERE id = ?`)
  // The month totals are kept by triggers that leave a zero row behind; a zero row and no row
  // say the same, and removing it lets undo give back the exact table it found.
  const dropEmptyMonth = sqlite.prepare(
    `DELETE FROM visit_month_counts WHERE month = ? AND onsite = 0 AND online = 0 AND nights = 0`,
  )
  const audit = sqlite.prepare(
    `INSERT INTO audit_log (id, at, user_name, action, entity, entity_id, changes, batch_id) VALUES (?, ?, ?, 'delete', ?, ?, NULL, ?)`,
  )
  return {
    audit: (at: string, userName: string, entity: string, id: string, batchId: string) =>
      audit.run(uuidv7(), at, userName, entity, id, batchId),
    visit(id: string): number {
      const row = monthOf.get(id) as { month: string } | undefined
      const removed = removeVisit.run(id).changes
      if (row) dropEmptyMonth.run(row.month)
      return removed
    },
    session: (id: string) => removeSession.run(id).changes,
    program: (id: string) => removeProgram.run(id).changes,
  }
}

/** What stands in the way of undoing a visits or programs import (see laterRecords). */
export interface LaterKindRecords {
  enrollments: number
  visits: number
  sessions: number
  edited: number
}

/**
 * Records made since the import that undoing it would take with it: enrollments and visits
 * hanging on the programs and sessions it created (deleting a program takes its enrollments and
 * strips visits of their program), sessions added to those programs since (by hand or by a
 * later import: they go with their program), and what it created that was edited since (undo
 * would silently throw the edit away). The undo refuses while there are any.
 */
export function laterRecords(
  sqlite: Sqlite,
  created: { programs: readonly string[]; sessions: readonly string[]; visits: readonly string[] },
  since: string,
): LaterKindRecords {
  return sqlite
    .prepare(
      `WITH made_programs(id) AS (SELECT value FROM json_each(:programs)),
            made_sessions(id) AS (SELECT value FROM json_each(:sessions)),
            made_visits(id) AS (SELECT value FROM json_each(:visits))
       SELECT
         (SELECT count(*) FROM enrollments WHERE program_id IN made_programs) AS enrollments,
         (SELECT count(*) FROM visits
            WHERE (program_id IN made_programs OR session_id IN made_sessions) AND id NOT IN made_visits) AS visits,
         (SELECT count(*) FROM program_sessions WHERE program_id IN made_programs AND id NOT IN made_sessions) AS sessions,
         (SELECT count(*) FROM programs WHERE id IN made_programs AND updated_at > :since)
           + (SELECT count(*) FROM program_sessions WHERE id IN made_sessions AND updated_at > :since)
           + (SELECT count(*) FROM visits WHERE id IN made_visits AND updated_at > :since) AS edited`,
    )
    .get({
      programs: JSON.stringify(created.programs),
      sessions: JSON.stringify(created.sessions),
      visits: JSON.stringify(created.visits),
      since,
    }) as LaterKindRecords
}

/** The batch's final counts, shown in the import history. */
export function setBatchCounts(sqlite: Sqlite, batchId: string, counts: Record<string, number>): void {
  sqlite.prepare(`UPDATE import_batches SET counts = ? WHERE id = ?`).run(JSON.stringify(counts), batchId)
}
