import { ApiError } from '../../../shared/contract/errors'
import type { contactMethods } from '../../../shared/contract/methods/contacts'
import type { AreaHandlers } from '../dispatch'
import * as repo from '../db/repos/contactsRepo'
import * as service from '../services/contacts'

export const contactHandlers: AreaHandlers<typeof contactMethods> = {
  async 'contacts.list'(args, { db }) {
    const page = await repo.listContacts(db, args)
    return { rows: page.rows.map(repo.toContact), total: page.total }
  },
  async 'contacts.get'({ id }, { db }) {
    const row = await repo.findContact(db, id)
    if (!row) throw ApiError.from('NOT_FOUND', { id })
    return repo.toContact(row)
  },
  'contacts.create': ({ fields }, ctx) => service.createContact(ctx, fields),
  'contacts.update': ({ id, patch }, ctx) => service.updateContact(ctx, id, patch),
  'contacts.delete': async ({ ids }, ctx) => ({ deleted: await service.setDeleted(ctx, ids, true) }),
  'contacts.restore': async ({ ids }, ctx) => ({ restored: await service.setDeleted(ctx, ids, false) }),
}
