import type { Database as Sqlite } from 'better-sqlite3'
import type { ReportScope } from '../../../../shared/domain/reports/types'
import { scopeSql } from './reportsRepo'

/** One person in the optional roster sheet (personal data; never exported unless asked). */
export interface RosterRow {
  name: string
  kana: string
  prefectureCode: string | null
  municipalityCode: string | null
  involvements: number
  onsite: number
  online: number
  nights: number
  firstDate: string
  lastDate: string
}

export function rosterOfYear(sqlite: Sqlite, p: { start: string; end: string; scope: ReportScope }): RosterRow[] {
  // The figures' own scope, so the roster lists exactly the people they count.
  const sql = `SELECT trim(c.family_name || ' ' || c.given_name) AS name,
      trim(coalesce(c.family_kana, '') || ' ' || coalesce(c.given_kana, '')) AS kana,
      c.prefecture_code AS prefectureCode, c.municipality_code AS municipalityCode,
      count(*) AS involvements, sum(v.mode = 'onsite') AS onsite, sum(v.mode = 'online') AS online,
      sum(v.nights) AS nights, min(v.visit_date) AS firstDate, max(v.visit_date) AS lastDate
    FROM visits v JOIN contacts c ON c.id = v.contact_id AND c.deleted_at IS NULL
    WHERE v.visit_date BETWEEN @start AND @end${scopeSql('v', p.scope)}
    GROUP BY v.contact_id ORDER BY c.family_kana IS NULL, c.family_kana, c.given_kana, c.id`
  return sqlite.prepare(sql).all({
    start: p.start,
    end: p.end,
    programIds: JSON.stringify(p.scope.programIds),
    fundingSource: p.scope.fundingSource ?? null,
  }) as RosterRow[]
}
