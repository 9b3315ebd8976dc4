import type { Database as Sqlite } from 'better-sqlite3'

/**
 * A realistic audit log for the generated database, written as the app writes its lines: each
 * person, visit and enrollment came in by an import ('import' lines; a visit's and an
 * enrollment's record their person in `changes.contactId`, as visitsCommit and the services
 * do), one edit in ten people, and visits entered then deleted again (one in a hundred: a
 * create and a delete line whose visit no longer exists, found only through those lines).
 * Returns the number of lines and a person with deleted visits, for the 参加者ID filter.
 */
export function fillAuditLog(sqlite: Sqlite): { lines: number; personWithDeleted: string; busiestPerson: string } {
  const id = `lower(hex(randomblob(16)))`
  sqlite.exec(`BEGIN`)
  sqlite.exec(`
    INSERT INTO audit_log (id, at, user_name, action, entity, entity_id, changes, batch_id)
      SELECT ${id}, created_at, 'bench', 'import', 'contact', id, NULL, NULL FROM contacts;
    INSERT INTO audit_log (id, at, user_name, action, entity, entity_id, changes, batch_id)
      SELECT ${id}, updated_at, 'bench', 'update', 'contact', id, json_object('notes', json_array(NULL, '電話で確認')), NULL
      FROM contacts WHERE rowid % 10 = 0;
    INSERT INTO audit_log (id, at, user_name, action, entity, entity_id, changes, batch_id)
      SELECT ${id}, created_at, 'bench', 'import', 'visit', id,
             json_object('contactId', json_array(NULL, contact_id), 'visitDate', json_array(NULL, visit_date)), NULL
      FROM visits;
    INSERT INTO audit_log (id, at, user_name, action, entity, entity_id, changes, batch_id)
      SELECT ${id}, created_at, 'bench', 'import', 'enrollment', id,
             json_object('contactId', json_array(NULL, contact_id), 'programId', json_array(NULL, program_id)), NULL
      FROM enrollments;
    INSERT INTO audit_log (id, at, user_name, action, entity, entity_id, changes, batch_id)
      SELECT ${id}, created_at, 'bench', 'create', 'visit', 'gone-' || id,
             json_object('contactId', json_array(NULL, contact_id), 'visitDate', json_array(NULL, visit_date)), NULL
      FROM visits WHERE rowid % 100 = 0;
    INSERT INTO audit_log (id, at, user_name, action, entity, entity_id, changes, batch_id)
      SELECT ${id}, updated_at, 'bench', 'delete', 'visit', 'gone-' || id,
             json_object('contactId', json_array(contact_id, NULL), 'visitDate', json_array(visit_date, NULL)), NULL
      FROM visits WHERE rowid % 100 = 0;
  `)
  sqlite.exec(`COMMIT`)
  const lines = sqlite.prepare(`SELECT count(*) FROM audit_log`).pluck().get() as number
  const personWithDeleted = sqlite.prepare(`SELECT contact_id FROM visits WHERE rowid % 100 = 0 LIMIT 1`).pluck().get() as string
  const busiestPerson = sqlite
    .prepare(`SELECT contact_id FROM visits GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1`)
    .pluck()
    .get() as string
  return { lines, personWithDeleted, busiestPerson }
}
