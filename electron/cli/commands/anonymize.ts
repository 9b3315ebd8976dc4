import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../../shared/contract/errors'
import { openBackend } from '../../backend/backend'
import type { Output } from '../output'
import { passphraseFromEnv } from './safetyCli'

/** `anonymize --db FILE --person ID`: the same anonymization as the person's detail page. */
export async function anonymizeCommand(opts: { db: string; person: string }, out: Output): Promise<number> {
  // Opening a path that does not exist would create an empty database there (a typo in --db).
  if (!fs.existsSync(opts.db))
    throw ApiError.from('DB_UNREADABLE', { file: opts.db }, `データベースがありません: ${opts.db}。何も作成していません。`)
  const backend = await openBackend({ file: path.resolve(opts.db), passphrase: passphraseFromEnv(), dailyBackup: false })
  try {
    await backend.client.call('privacy.anonymize', { contactId: opts.person })
    out.result(
      { ok: true, contactId: opts.person },
      `匿名化しました: ${opts.person}（訪問・参加記録と集計の数字はそのまま残ります）`,
    )
  } finally {
    await backend.close()
  }
  return 0
}
