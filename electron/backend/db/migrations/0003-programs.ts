import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * Schema v3: programs, sessions, attendance and the person timeline. Frozen once released.
 *
 * 1. Each session chooses whether its roster starts with everyone ticked as attended
 *    (a course where most come) or nobody ticked (an open event): stored so the choice
 *    survives a reload and the paper-sheet loop starts the same way every time; and when
 *    the roster was last saved.
 * 2. A coordinator's answer to a stage suggestion (accepted or ignored) is remembered per
 *    person and suggested stage, so an ignored suggestion does not come back every time.
 * 3. The visits grid pages through visits_date_facts (visit_date, contact_id, mode, nights),
 *    which replaces visits_date (visit_date, contact_id): the old index is a prefix of the new
 *    one, so every query it served still has one. contacts_deleted lists the few people in
 *    the trash, so leaving their visits out never scans 100k contacts.
 * 4. The ホーム dashboard must answer for a year of a million visits in well under a second, so
 *    two small tables are kept in step with visits by triggers (inside the writer's own
 *    transaction, whoever the writer is): per person and 年度 (visits, online, nights, first
 *    and last day) and per month (onsite, online, nights). They are derived data: the visits
 *    table stays the only source of truth, and a test checks they always agree with it.
 */
const statements = [
  `ALTER TABLE program_sessions ADD COLUMN attended_by_default INTEGER NOT NULL DEFAULT 0 CHECK (attended_by_default IN (0, 1))`,
  // Until a roster is first saved its lines start at the session's default; afterwards they
  // show exactly what was saved (a saved roster with nobody ticked stays empty).
  `ALTER TABLE program_sessions ADD COLUMN roster_saved_at TEXT`,
  `CREATE TABLE stage_suggestion_decisions (
     contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
     stage TEXT NOT NULL REFERENCES relationship_stages(code),
     decision TEXT NOT NULL CHECK (decision IN ('accepted', 'ignored')),
     decided_at TEXT NOT NULL,
     PRIMARY KEY (contact_id, stage)
   ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX visits_date_facts ON visits (visit_date, contact_id, mode, nights)`,
  `DROP INDEX visits_date`,
  `CREATE INDEX contacts_deleted ON contacts (deleted_at) WHERE deleted_at IS NOT NULL`,

  `CREATE TABLE contact_year_visits (
     contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
     fiscal_year INTEGER NOT NULL,
     visits INTEGER NOT NULL,
     online INTEGER NOT NULL,
     nights INTEGER NOT NULL,
     first_visit TEXT NOT NULL,
     last_visit TEXT NOT NULL,
     PRIMARY KEY (contact_id, fiscal_year)
   ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX contact_year_visits_year ON contact_year_visits (fiscal_year, contact_id)`,
  `CREATE TABLE visit_month_counts (
     month TEXT PRIMARY KEY,
     onsite INTEGER NOT NULL,
     online INTEGER NOT NULL,
     nights INTEGER NOT NULL
   ) STRICT, WITHOUT ROWID`,
  `INSERT INTO contact_year_visits (contact_id, fiscal_year, visits, online, nights, first_visit, last_visit)
     SELECT contact_id, (CAST(substr(visit_date, 1, 4) AS INTEGER) - (substr(visit_date, 6, 2) < '04')), count(*), sum(mode = 'online'), sum(nights), min(visit_date), max(visit_date)
     FROM visits GROUP BY contact_id, (CAST(substr(visit_date, 1, 4) AS INTEGER) - (substr(visit_date, 6, 2) < '04'))`,
  `INSERT INTO visit_month_counts (month, onsite, online, nights)
     SELECT substr(visit_date, 1, 7), sum(mode = 'onsite'), sum(mode = 'online'), sum(nights) FROM visits GROUP BY 1`,
  `CREATE TRIGGER visits_facts_insert AFTER INSERT ON visits BEGIN
     INSERT INTO contact_year_visits (contact_id, fiscal_year, visits, online, nights, first_visit, last_visit)
       VALUES (new.contact_id, (CAST(substr(new.visit_date, 1, 4) AS INTEGER) - (substr(new.visit_date, 6, 2) < '04')), 1, new.mode = 'online', new.nights, new.visit_date, new.visit_date)
       ON CONFLICT (contact_id, fiscal_year) DO UPDATE SET visits = visits + 1, online = online + excluded.online,
         nights = nights + excluded.nights, first_visit = min(first_visit, excluded.first_visit),
         last_visit = max(last_visit, excluded.last_visit);
     INSERT INTO visit_month_counts (month, onsite, online, nights)
       VALUES (substr(new.visit_date, 1, 7), new.mode = 'onsite', new.mode = 'online', new.nights)
       ON CONFLICT (month) DO UPDATE SET onsite = onsite + excluded.onsite, online = online + excluded.online,
         nights = nights + excluded.nights;
   END`,
  `CREATE TRIGGER visits_facts_delete AFTER DELETE ON visits BEGIN
     UPDATE contact_year_visits SET visits = visits - 1, online = online - (old.mode = 'online'), nights = nights - old.nights,
         first_visit = coalesce((SELECT min(visit_date) FROM visits WHERE contact_id = old.contact_id AND visit_date >= ((CAST(substr(old.visit_date, 1, 4) AS INTEGER) - (substr(old.visit_date, 6, 2) < '04')) || '-04-01') AND visit_date <= (((CAST(substr(old.visit_date, 1, 4) AS INTEGER) - (substr(old.visit_date, 6, 2) < '04')) + 1) || '-03-31')), first_visit),
         last_visit = coalesce((SELECT max(visit_date) FROM visits WHERE contact_id = old.contact_id AND visit_date >= ((CAST(substr(old.visit_date, 1, 4) AS INTEGER) - (substr(old.visit_date, 6, 2) < '04')) || '-04-01') AND visit_date <= (((CAST(substr(old.visit_date, 1, 4) AS INTEGER) - (substr(old.visit_date, 6, 2) < '04')) + 1) || '-03-31')), last_visit)
       WHERE contact_id = old.contact_id AND fiscal_year = (CAST(substr(old.visit_date, 1, 4) AS INTEGER) - (substr(old.visit_date, 6, 2) < '04'));
     DELETE FROM contact_year_visits WHERE contact_id = old.contact_id AND fiscal_year = (CAST(substr(old.visit_date, 1, 4) AS INTEGER) - (substr(old.visit_date, 6, 2) < '04')) AND visits <= 0;
     UPDATE visit_month_counts SET onsite = onsite - (old.mode = 'onsite'), online = online - (old.mode = 'online'),
         nights = nights - old.nights
       WHERE month = substr(old.visit_date, 1, 7);
   END`,
  `CREATE TRIGGER visits_facts_update AFTER UPDATE OF contact_id, visit_date, mode, nights ON visits BEGIN
     UPDATE contact_year_visits SET visits = visits - 1, online = online - (old.mode = 'online'), nights = nights - old.nights,
         first_visit = coalesce((SELECT min(visit_date) FROM visits WHERE contact_id = old.contact_id AND visit_date >= ((CAST(substr(old.visit_date, 1, 4) AS INTEGER) - (substr(old.visit_date, 6, 2) < '04')) || '-04-01') AND visit_date <= (((CAST(substr(old.visit_date, 1, 4) AS INTEGER) - (substr(old.visit_date, 6, 2) < '04')) + 1) || '-03-31')), first_visit),
         last_visit = coalesce((SELECT max(visit_date) FROM visits WHERE contact_id = old.contact_id AND visit_date >= ((CAST(substr(old.visit_date, 1, 4) AS INTEGER) - (substr(old.visit_date, 6, 2) < '04')) || '-04-01') AND visit_date <= (((CAST(substr(old.visit_date, 1, 4) AS INTEGER) - (substr(old.visit_date, 6, 2) < '04')) + 1) || '-03-31')), last_visit)
       WHERE contact_id = old.contact_id AND fiscal_year = (CAST(substr(old.visit_date, 1, 4) AS INTEGER) - (substr(old.visit_date, 6, 2) < '04'));
     DELETE FROM contact_year_visits WHERE contact_id = old.contact_id AND fiscal_year = (CAST(substr(old.visit_date, 1, 4) AS INTEGER) - (substr(old.visit_date, 6, 2) < '04')) AND visits <= 0;
     UPDATE visit_month_counts SET onsite = onsite - (old.mode = 'onsite'), online = online - (old.mode = 'online'),
         nights = nights - old.nights
       WHERE month = substr(old.visit_date, 1, 7);
     INSERT INTO contact_year_visits (contact_id, fiscal_year, visits, online, nights, first_visit, last_visit)
       VALUES (new.contact_id, (CAST(substr(new.visit_date, 1, 4) AS INTEGER) - (substr(new.visit_date, 6, 2) < '04')), 1, new.mode = 'online', new.nights, new.visit_date, new.visit_date)
       ON CONFLICT (contact_id, fiscal_year) DO UPDATE SET visits = visits + 1, online = online + excluded.online,
         nights = nights + excluded.nights, first_visit = min(first_visit, excluded.first_visit),
         last_visit = max(last_visit, excluded.last_visit);
     INSERT INTO visit_month_counts (month, onsite, online, nights)
       VALUES (substr(new.visit_date, 1, 7), new.mode = 'onsite', new.mode = 'online', new.nights)
       ON CONFLICT (month) DO UPDATE SET onsite = onsite + excluded.onsite, online = online + excluded.online,
         nights = nights + excluded.nights;
   END`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
