import type { Database as Sqlite } from 'better-sqlite3'

/**
 * The dashboard's derived tables (contact_year_visits, visit_month_counts; migration 0003) are
 * kept in step with visits by triggers. A bulk load of a million visits (the demo generator)
 * runs with those triggers off and rebuilds both tables once at the end, in one transaction:
 * grouping a million rows once is far cheaper than a million row-by-row upserts.
 */
const TRIGGERS = `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'visits_facts_%' ORDER BY name`
const FISCAL_YEAR = `(CAST(substr(visit_date, 1, 4) AS INTEGER) - (substr(visit_date, 6, 2) < '04'))`

export function rebuildVisitFacts(sqlite: Sqlite): void {
  sqlite.transaction(() => {
    sqlite.exec(`DELETE FROM contact_year_visits; DELETE FROM visit_month_counts;`)
    sqlite.exec(`INSERT INTO contact_year_visits (contact_id, fiscal_year, visits, online, nights, first_visit, last_visit)
      SELECT contact_id, ${FISCAL_YEAR}, count(*), sum(mode = 'online'), sum(nights), min(visit_date), max(visit_date)
      FROM visits GROUP BY contact_id, ${FISCAL_YEAR}`)
    sqlite.exec(`INSERT INTO visit_month_counts (month, onsite, online, nights)
      SELECT substr(visit_date, 1, 7), sum(mode = 'onsite'), sum(mode = 'online'), sum(nights) FROM visits GROUP BY 1`)
  })()
}

export async function withVisitFactsDeferred(sqlite: Sqlite, load: () => Promise<void>): Promise<void> {
  const triggers = sqlite.prepare(TRIGGERS).all() as { name: string; sql: string }[]
  sqlite.transaction(() => {
    for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name.replace(/"/g, '""')}"`)
  })()
  try {
    await load()
  } finally {
    sqlite.transaction(() => {
      for (const t of triggers) sqlite.exec(t.sql)
    })()
    if (triggers.length > 0) rebuildVisitFacts(sqlite)
  }
}
