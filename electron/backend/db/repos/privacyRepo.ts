import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Database } from '../schema'

type Row = Record<string, unknown>

/** Every row that mentions one person, table by table, for a disclosure (開示) file. */
export async function personRecords(db: Kysely<Database>, contactId: string): Promise<Record<string, Row[]>> {
  const q = async (query: ReturnType<typeof sql>) => (await query.execute(db)).rows as Row[]
  return {
    contact: await q(sql`SELECT * FROM contacts WHERE id = ${contactId}`),
    visits: await q(sql`SELECT v.*, p.name AS program_name FROM visits v LEFT JOIN programs p ON p.id = v.program_id
                        WHERE v.contact_id = ${contactId} ORDER BY v.visit_date`),
    enrollments: await q(sql`SELECT e.*, p.name AS program_name FROM enrollments e JOIN programs p ON p.id = e.program_id
                             WHERE e.contact_id = ${contactId} ORDER BY e.created_at`),
    stageHistory: await q(sql`SELECT * FROM stage_history WHERE contact_id = ${contactId} ORDER BY changed_on`),
    tags: await q(sql`SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = ${contactId}`),
    organizations:
      await q(sql`SELECT o.name, co.role FROM contact_organizations co JOIN organizations o ON o.id = co.organization_id
                               WHERE co.contact_id = ${contactId}`),
    auditLog: await q(
      sql`SELECT at, user_name, action, entity, changes FROM audit_log WHERE entity_id = ${contactId} ORDER BY at`,
    ),
  }
}

export async function contactExists(
  db: Kysely<Database>,
  contactId: string,
): Promise<{ familyName: string; givenName: string; deletedAt: string | null } | undefined> {
  return db.selectFrom('contacts').select(['familyName', 'givenName', 'deletedAt']).where('id', '=', contactId).executeTakeFirst()
}

export async function visitDatesOf(db: Kysely<Database>, contactId: string): Promise<string[]> {
  const rows = await db.selectFrom('visits').select('visitDate').where('contactId', '=', contactId).execute()
  return rows.map((r) => r.visitDate)
}

export async function enrollmentCountOf(db: Kysely<Database>, contactId: string): Promise<number> {
  const row = await sql<{ n: number }>`SELECT count(*) AS n FROM enrollments WHERE contact_id = ${contactId}`.execute(db)
  return row.rows[0]!.n
}

/**
 * Blanks what identifies a person and keeps what the reports count (prefecture, cohort birth
 * year, gender, roots, basis, stage, visits). Free text on their visits, enrollments and
 * stage history goes too: a note can name someone.
 */
export async function anonymizeRows(
  db: Kysely<Database>,
  contactId: string,
  birthYear: number | null,
  now: string,
): Promise<void> {
  await sql`UPDATE contacts SET family_name = '匿名', given_name = '', family_kana = NULL, given_kana = NULL,
              email = NULL, phone = NULL, postal_code = NULL, municipality_code = NULL, address = NULL,
              birth_date = NULL, birth_year = ${birthYear}, occupation = NULL, affiliation = NULL,
              first_contact = NULL, consent_method = NULL, notes = NULL, search_key = '匿名', updated_at = ${now}
            WHERE id = ${contactId}`.execute(db)
  await sql`UPDATE visits SET notes = NULL, purpose = NULL WHERE contact_id = ${contactId}`.execute(db)
  await sql`UPDATE enrollments SET notes = NULL WHERE contact_id = ${contactId}`.execute(db)
  await sql`UPDATE stage_history SET note = NULL WHERE contact_id = ${contactId}`.execute(db)
  await sql`DELETE FROM contact_organizations WHERE contact_id = ${contactId}`.execute(db)
}

/**
 * The trails that still hold old values: field-level before/after in the audit log and the
 * undo log. The audit rows stay (who did what, when) with their values removed.
 */
export async function scrubTrails(db: Kysely<Database>, contactId: string): Promise<void> {
  // The person's visits and enrollments too: a visit's note or purpose can name them (「山田さん
  // の付き添い」). One deleted since is found by the audit line that created it, which names them.
  // Run before the rows go (deleteContactRow).
  const own = await sql<{ id: string }>`
    SELECT id FROM visits WHERE contact_id = ${contactId}
    UNION SELECT id FROM enrollments WHERE contact_id = ${contactId}
    UNION SELECT entity_id FROM audit_log
      WHERE entity IN ('visit', 'enrollment') AND entity_id IS NOT NULL AND instr(changes, ${contactId}) > 0`.execute(db)
  await sql`UPDATE audit_log SET changes = NULL
    WHERE entity_id = ${contactId}
      OR (entity IN ('visit', 'enrollment') AND entity_id IN (SELECT value FROM json_each(${JSON.stringify(own.rows.map((r) => r.id))})))`.execute(
    db,
  )
  await sql`DELETE FROM undo_log WHERE instr(changes, ${contactId}) > 0`.execute(db)
}

/** Removes the person; visits, enrollments, stage history and tag links go with them (ON DELETE CASCADE). */
export async function deleteContactRow(db: Kysely<Database>, contactId: string): Promise<void> {
  await sql`DELETE FROM contacts WHERE id = ${contactId}`.execute(db)
}

/**
 * People not involved since `cutoff` (last visit, or registration for someone with none), and
 * everyone in the trash (削除 in the grid only hides a person: until deleted for good, all their
 * data is still held, so they are listed for review). The trash first, then oldest first;
 * anonymized people (匿名) are left out, at most 5,000 listed.
 */
export async function notInvolvedSince(db: Kysely<Database>, cutoff: string) {
  const result = await sql<{
    contactId: string
    familyName: string
    givenName: string
    familyKana: string | null
    givenKana: string | null
    prefectureCode: string | null
    deletedAt: string | null
    lastInvolvedOn: string
    visits: number
  }>`
    SELECT c.id AS contact_id, c.family_name, c.given_name, c.family_kana, c.given_kana, c.prefecture_code, c.deleted_at,
           coalesce(max(v.visit_date), substr(c.created_at, 1, 10)) AS last_involved_on, count(v.id) AS visits
    FROM contacts c LEFT JOIN visits v ON v.contact_id = c.id
    WHERE c.family_name <> '匿名'
    GROUP BY c.id
    HAVING c.deleted_at IS NOT NULL OR last_involved_on < ${cutoff}
    ORDER BY c.deleted_at IS NULL, last_involved_on, c.id
    LIMIT 5000`.execute(db)
  return result.rows
}

/** The program a wipe is about, by id whether or not it is in the trash (its people's rows are still there). */
export async function programOfWipe(
  db: Kysely<Database>,
  programId: string,
): Promise<{ name: string; fiscalYear: number } | undefined> {
  return db.selectFrom('programs').select(['name', 'fiscalYear']).where('id', '=', programId).executeTakeFirst()
}

/** People of a program: those involved only through it (wiped whole) and those also elsewhere. */
export async function programPeople(
  db: Kysely<Database>,
  programId: string,
): Promise<{ onlyHere: string[]; elsewhere: string[] }> {
  const rows = await sql<{ contactId: string; other: number }>`
    WITH people AS (
      SELECT contact_id FROM enrollments WHERE program_id = ${programId}
      UNION SELECT contact_id FROM visits WHERE program_id = ${programId})
    SELECT p.contact_id,
           (SELECT count(*) FROM enrollments e WHERE e.contact_id = p.contact_id AND e.program_id <> ${programId})
         + (SELECT count(*) FROM visits v WHERE v.contact_id = p.contact_id AND (v.program_id IS NULL OR v.program_id <> ${programId})) AS other
    FROM people p ORDER BY p.contact_id`.execute(db)
  return {
    onlyHere: rows.rows.filter((r) => r.other === 0).map((r) => r.contactId),
    elsewhere: rows.rows.filter((r) => r.other > 0).map((r) => r.contactId),
  }
}

export async function programVisitCount(db: Kysely<Database>, programId: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM visits WHERE program_id = ${programId}`.execute(db)
  return r.rows[0]!.n
}

/** This program's rows of personal data (for the export handed back before the wipe). */
export async function programPersonalRows(db: Kysely<Database>, programId: string, people: string[]) {
  const q = async (query: ReturnType<typeof sql>) => (await query.execute(db)).rows
  return {
    program: await q(sql`SELECT * FROM programs WHERE id = ${programId}`),
    people: await q(sql`SELECT * FROM contacts WHERE id IN (SELECT value FROM json_each(${JSON.stringify(people)}))`),
    enrollments: await q(sql`SELECT * FROM enrollments WHERE program_id = ${programId}`),
    visits: await q(sql`SELECT * FROM visits WHERE program_id = ${programId}`),
  }
}

/** Removes the program's enrollments and visits, then the people who had nothing else. */
export async function wipeProgramRows(
  db: Kysely<Database>,
  programId: string,
  onlyHere: string[],
): Promise<{ visits: number; enrollments: number }> {
  // What the program's visits and enrollments said (a note can name someone, also someone who
  // stays for another program) leaves the audit log with them; the lines stay without values.
  await sql`UPDATE audit_log SET changes = NULL WHERE entity IN ('visit', 'enrollment') AND entity_id IN (
    SELECT id FROM visits WHERE program_id = ${programId} UNION SELECT id FROM enrollments WHERE program_id = ${programId})`.execute(
    db,
  )
  const visits = await sql`DELETE FROM visits WHERE program_id = ${programId}`.execute(db)
  const enrollments = await sql`DELETE FROM enrollments WHERE program_id = ${programId}`.execute(db)
  for (const id of onlyHere) await deleteContactRow(db, id)
  return { visits: Number(visits.numAffectedRows ?? 0), enrollments: Number(enrollments.numAffectedRows ?? 0) }
}

/**
 * How the people `ids` stand in the database `schema` (the open one, or a backup attached as
 * `backup`): only those it holds, each with whether it is anonymized (the blanks anonymizeRows
 * leaves: name 匿名, no contact details).
 */
export async function peopleIn(
  db: Kysely<Database>,
  schema: 'main' | 'backup',
  ids: readonly string[],
): Promise<Map<string, { anonymized: boolean }>> {
  if (ids.length === 0) return new Map()
  const rows = await sql<{ id: string; anonymized: number }>`
    SELECT id, (family_name = '匿名' AND given_name = '' AND email IS NULL AND phone IS NULL AND address IS NULL
                AND notes IS NULL) AS anonymized
    FROM ${sql.id(schema)}.contacts WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db)
  return new Map(rows.rows.map((r) => [r.id, { anonymized: r.anonymized === 1 }]))
}
