import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * The stage note an import writes for a person it registers says 取り込み, as the rest of the
 * app does (the 監査ログ's 取り込み, the 「これまでの取り込み」 list); only the screen itself is
 * named 「インポート」. Frozen once released.
 *
 * The notes written before said 「インポートで登録」. They are app-written text, not a
 * coordinator's words, so they are reworded too: one person's history would otherwise say it
 * both ways. Only that exact note on the つかむ entry an import writes is touched.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE stage_history SET note = '取り込みで登録' WHERE note = 'インポートで登録' AND stage = 'tsukamu'`.execute(db)
}
