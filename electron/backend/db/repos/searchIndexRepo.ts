import type { Database as Sqlite } from 'better-sqlite3'

/**
 * The search index (contacts_fts, see migrations 0002 and 0006) filled in bulk by a big
 * writer. Call `deferSearchIndex` inside a transaction, write the people, then
 * `indexDeferred` with every contact written since, before the transaction commits: the
 * triggers stay off only in between, and only for this transaction.
 */
export function deferSearchIndex(sqlite: Sqlite): void {
  if (!sqlite.inTransaction) throw new Error('deferSearchIndex must run inside a transaction')
  sqlite.prepare(`UPDATE search_index_mode SET deferred = 1 WHERE id = 1`).run()
}

/**
 * Indexes the contacts created (`created`) and those whose search key may have changed
 * (`changed`) while the triggers were off, in four statements, and turns the triggers back on.
 */
export function indexDeferred(sqlite: Sqlite, created: readonly string[], changed: readonly string[]): void {
  const createdJson = JSON.stringify(created)
  // A person created and then merged into by a later row of the same file is indexed once.
  const isNew = new Set(created)
  const changedJson = JSON.stringify([...new Set(changed)].filter((id) => !isNew.has(id)))
  sqlite.prepare(`INSERT INTO contact_search_keys (contact_id) SELECT value FROM json_each(?)`).run(createdJson)
  sqlite
    .prepare(
      `DELETE FROM contacts_fts WHERE rowid IN
         (SELECT k.n FROM json_each(?) j JOIN contact_search_keys k ON k.contact_id = j.value)`,
    )
    .run(changedJson)
  const index = sqlite.prepare(
    `INSERT INTO contacts_fts (rowid, search_key)
       SELECT k.n, c.search_key FROM json_each(?) j
       JOIN contact_search_keys k ON k.contact_id = j.value
       JOIN contacts c ON c.id = j.value`,
  )
  index.run(createdJson)
  index.run(changedJson)
  sqlite.prepare(`UPDATE search_index_mode SET deferred = 0 WHERE id = 1`).run()
}
