import { ApiError } from '../../../shared/contract/errors'
import type { ImportBatchPeople } from '../../../shared/contract/imports'
import type { BackendContext } from '../context'
import { listContacts } from '../db/repos/contactsRepo'
import { findBatch } from '../db/repos/importRepo'

/**
 * An import and the number of people the participants list shows for it: counted by the same
 * importBatch filter the list applies, so 「取り込み…の40人」 and the grid always agree.
 */
export function importBatchPeople(ctx: BackendContext, batchId: string): ImportBatchPeople {
  const batch = findBatch(ctx.handle.sqlite, batchId)
  if (!batch) throw ApiError.from('NOT_FOUND', { batchId }, 'この取り込みの記録が見つかりません。')
  const { total } = listContacts(ctx.handle, {
    offset: 0,
    limit: 1,
    sort: [],
    filter: { importBatch: { filterType: 'set', values: [batchId] } },
    search: '',
  })
  return { ...batch, people: total }
}
