import type { Database as Sqlite } from 'better-sqlite3'

/**
 * How many records the database holds, counted as the app counts them (app.info): people and
 * programs in the trash are not counted, sessions and visits all are. `kakehashi check` reports
 * these, so its numbers match what the coordinator sees on screen.
 */
export function recordCounts(sqlite: Sqlite): { contacts: number; programs: number; sessions: number; visits: number } {
  const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number
  return {
    contacts: count('SELECT count(*) FROM contacts WHERE deleted_at IS NULL'),
    programs: count('SELECT count(*) FROM programs WHERE deleted_at IS NULL'),
    sessions: count('SELECT count(*) FROM program_sessions'),
    visits: count('SELECT count(*) FROM visits'),
  }
}
