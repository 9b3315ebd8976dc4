import { sql } from 'kysely'
import type { ColumnFilter } from '../../../../shared/contract/listQuery'

/**
 * The participants list's importBatch pick-list: people the imports registered or merged into
 * (their 'contact' items) and, for a sign-in sheet, people it recorded a visit for (its 'visit'
 * items; most of a sheet's people are already registered and only get the visit). Both are seeks
 * on the items' primary key (batch_id, entity, …) and a visit's own key. An undone import brought
 * no one in: its people were removed and its merges reverted, so it matches nobody.
 */
export function importPeopleCondition(filter: ColumnFilter) {
  const batchIds = filter.filterType === 'set' ? filter.values.filter((v): v is string => v !== null) : []
  if (batchIds.length === 0) return sql<boolean>`0`
  const ids = sql.join(batchIds)
  return sql<boolean>`id IN (
    SELECT i.entity_id FROM import_batch_items i JOIN import_batches b ON b.id = i.batch_id
     WHERE i.batch_id IN (${ids}) AND i.entity = 'contact' AND b.undone_at IS NULL
    UNION ALL
    SELECT v.contact_id FROM import_batch_items i JOIN import_batches b ON b.id = i.batch_id JOIN visits v ON v.id = i.entity_id
     WHERE i.batch_id IN (${ids}) AND i.entity = 'visit' AND b.undone_at IS NULL)`
}
