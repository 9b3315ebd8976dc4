import { ApiError } from '../../../shared/contract/errors'
import type { contactMethods } from '../../../shared/contract/methods/contacts'
import type { AreaHandlers } from '../dispatch'
import * as repo from '../db/repos/contactsRepo'
import { tagNamesOfPage } from '../db/repos/contactsPageRepo'
import * as service from '../services/contacts'
import { contactDetail } from '../services/contactDetail'
import { exportContacts } from '../services/contactsExport'
import { pasteContacts } from '../services/contactsPaste'

export const contactHandlers: AreaHandlers<typeof contactMethods> = {
  'contacts.list'(args, { handle }) {
    const page = repo.listContacts(handle, args)
    const tags = tagNamesOfPage(
      handle,
      page.rows.map((r) => r.id),
    )
    return { rows: page.rows.map((r) => ({ ...repo.toContact(r), tags: tags.get(r.id) ?? [] })), total: page.total }
  },
  async 'contacts.get'({ id }, { db }) {
    const row = await repo.findContact(db, id)
    if (!row) throw ApiError.from('NOT_FOUND', { id })
    return repo.toContact(row)
  },
  'contacts.detail': ({ id }, { db }) => contactDetail(db, id),
  'contacts.create': ({ fields }, ctx) => service.createContact(ctx, fields),
  'contacts.update': ({ id, patch }, ctx) => service.updateContact(ctx, id, patch),
  'contacts.delete': async ({ ids }, ctx) => ({ deleted: await service.setDeleted(ctx, ids, true) }),
  'contacts.restore': async ({ ids }, ctx) => ({ restored: await service.setDeleted(ctx, ids, false) }),
  'contacts.setStage': async ({ ids, stage, note }, ctx) => ({ changed: await service.setStage(ctx, ids, stage, note ?? null) }),
  'contacts.paste': ({ create, update }, ctx) => pasteContacts(ctx, create, update),
  'contacts.export': ({ ids, format, columns, password }, ctx) => exportContacts(ctx, ids, format, columns, password),
}
