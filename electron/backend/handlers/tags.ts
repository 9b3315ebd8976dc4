import type { tagMethods } from '../../../shared/contract/methods/tags'
import type { AreaHandlers } from '../dispatch'
import { listTags } from '../db/repos/tagsRepo'
import { addTagToContacts, removeTagFromContacts } from '../services/tags'

export const tagHandlers: AreaHandlers<typeof tagMethods> = {
  'tags.list': (_args, { db }) => listTags(db),
  'tags.addToContacts': ({ ids, name }, ctx) => addTagToContacts(ctx, ids, name),
  'tags.removeFromContacts': ({ ids, tagId }, ctx) => removeTagFromContacts(ctx, ids, tagId),
}
