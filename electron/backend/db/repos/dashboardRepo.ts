import type { Database as Sqlite } from 'better-sqlite3'

/**
 * The dashboard's figures, on raw better-sqlite3 (the hot path the benchmark measures at a
 * million visits). They read contact_year_visits and visit_month_counts, which triggers keep
 * in step with visits (migration 0003), so a year is tens of thousands of rows, not hundreds
 * of thousands. People in the trash are left out everywhere, as in the visits grid.
 */
const DELETED = `SELECT id FROM contacts WHERE deleted_at IS NOT NULL`

export function yearFigures(sqlite: Sqlite, fiscalYear: number) {
  return sqlite
    .prepare(
      `SELECT count(*) AS people, coalesce(sum(visits), 0) AS total, coalesce(sum(online), 0) AS online, coalesce(sum(nights), 0) AS nights
       FROM contact_year_visits WHERE fiscal_year = ? AND contact_id NOT IN (${DELETED})`,
    )
    .get(fiscalYear) as { total: number; people: number; online: number; nights: number }
}

/** People involved this year and never in an earlier one: their first involvement is this year. */
export function newPeople(sqlite: Sqlite, fiscalYear: number): number {
  return sqlite
    .prepare(
      `SELECT count(*) FROM contact_year_visits y
       WHERE y.fiscal_year = ? AND y.contact_id NOT IN (${DELETED})
         AND NOT EXISTS (SELECT 1 FROM contact_year_visits e WHERE e.contact_id = y.contact_id AND e.fiscal_year < y.fiscal_year)`,
    )
    .pluck()
    .get(fiscalYear) as number
}

/** 延べ per month (onsite, online), people in the trash taken back out. */
export function monthFigures(sqlite: Sqlite, fromMonth: string, toMonth: string) {
  const all = sqlite
    .prepare(`SELECT month, onsite, online FROM visit_month_counts WHERE month BETWEEN ? AND ? ORDER BY month`)
    .all(fromMonth, toMonth) as { month: string; onsite: number; online: number }[]
  const trashed = sqlite
    .prepare(
      `SELECT substr(visit_date, 1, 7) AS month, sum(mode = 'onsite') AS onsite, sum(mode = 'online') AS online
       FROM visits WHERE contact_id IN (${DELETED}) AND visit_date >= ? AND visit_date < ? GROUP BY 1`,
    )
    .all(`${fromMonth}-01`, `${toMonth}-99`) as { month: string; onsite: number; online: number }[]
  const minus = new Map(trashed.map((t) => [t.month, t]))
  return all.map((m) => ({
    month: m.month,
    onsite: m.onsite - (minus.get(m.month)?.onsite ?? 0),
    online: m.online - (minus.get(m.month)?.online ?? 0),
  }))
}

/** Sessions' anonymous headcounts between two instants (UTC ISO), of programs not deleted. */
export function anonymousHeadcount(sqlite: Sqlite, fromInstant: string, toInstant: string): number {
  return sqlite
    .prepare(
      `SELECT coalesce(sum(s.anonymous_headcount), 0) FROM program_sessions s JOIN programs p ON p.id = s.program_id
       WHERE s.starts_at >= ? AND s.starts_at < ? AND p.deleted_at IS NULL`,
    )
    .pluck()
    .get(fromInstant, toInstant) as number
}

/**
 * People whose last involvement (up to `asOf`) lies in [activeFrom, cutoff) and who have at
 * least `minVisits` involvements in all: active before, not seen since. Most recently seen first.
 * Read per person from the 年度 rows (ordered by person, so no sort of the whole table).
 */
export function followUp(sqlite: Sqlite, activeFrom: string, cutoff: string, asOf: string, minVisits: number, limit: number) {
  const candidates = `
    SELECT contact_id, sum(visits) AS n, max(last_visit) AS last FROM contact_year_visits
    WHERE fiscal_year <= CAST(substr(?, 1, 4) AS INTEGER) GROUP BY contact_id
    HAVING last >= ? AND last < ? AND n >= ?`
  const args = [asOf, activeFrom, cutoff, minVisits]
  // A visit after asOf (a later year viewed in the past) does not make a person "seen".
  const quiet = `NOT EXISTS (SELECT 1 FROM visits w WHERE w.contact_id = b.contact_id AND w.visit_date >= ? AND w.visit_date <= ?)`
  const total = sqlite
    .prepare(`SELECT count(*) FROM (${candidates}) b WHERE b.contact_id NOT IN (${DELETED}) AND ${quiet}`)
    .pluck()
    .get(...args, cutoff, asOf) as number
  const people = sqlite
    .prepare(
      `SELECT b.contact_id AS contactId, c.family_name || ' ' || c.given_name AS name,
              trim(coalesce(c.family_kana, '') || ' ' || coalesce(c.given_kana, '')) AS kana, b.last AS lastVisit, b.n AS visits
       FROM (${candidates}) b JOIN contacts c ON c.id = b.contact_id
       WHERE c.deleted_at IS NULL AND ${quiet} ORDER BY b.last DESC, b.contact_id LIMIT ?`,
    )
    .all(...args, cutoff, asOf, limit) as { contactId: string; name: string; kana: string; lastVisit: string; visits: number }[]
  return { total, people: people.map((p) => ({ ...p, kana: p.kana === '' ? null : p.kana })) }
}
