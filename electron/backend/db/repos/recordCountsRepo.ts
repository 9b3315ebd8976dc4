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

/**
 * Whether there is at least one live person, live program and visit: what ホーム's はじめに steps
 * need. Each stops at the first row it finds, so it costs the same on any size of database.
 */
export function recordsPresent(sqlite: Sqlite): { contacts: boolean; programs: boolean; visits: boolean } {
  const exists = (sql: string) => sqlite.prepare(`SELECT EXISTS (${sql})`).pluck().get() === 1
  return {
    contacts: exists('SELECT 1 FROM contacts WHERE deleted_at IS NULL'),
    programs: exists('SELECT 1 FROM programs WHERE deleted_at IS NULL'),
    visits: exists('SELECT 1 FROM visits'),
  }
}
