/**
 * The victim of the crash harness: a backend in its own process doing what a coordinator's
 * day does — imports (batches of new people in one transaction each), bulk edits, bulk
 * deletes and backups — until the parent kills it with SIGKILL. After each commit it appends
 * an acknowledgement line to a file (written synchronously, so a line on disk means the
 * commit happened first). Run as: node child.mjs DB ACKS SEED
 */
import fs from 'node:fs'
import { uuidv7 } from 'uuidv7'
import { openBackend } from '../../../electron/backend/backend'
import { insertNewContact } from '../../../electron/backend/services/contactWrites'

const [file, ackFile, seedArg] = process.argv.slice(2) as [string, string, string]
let seed = Number(seedArg) >>> 0 || 1
function random(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
  return seed / 2 ** 32
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!

const acks = fs.openSync(ackFile, 'a')
const ack = (line: Record<string, unknown>) => fs.writeSync(acks, JSON.stringify(line) + '\n')

const backend = await openBackend({ file, userName: 'crash', dailyBackup: true })
const { db, userName } = backend.context
process.stdout.write('ready\n')

for (;;) {
  const roll = random()
  if (roll < 0.45) {
    // An import: all of its people, or none of them.
    const batch = uuidv7()
    const size = 20 + Math.floor(random() * 300)
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < size; i++) {
        await insertNewContact(
          trx,
          userName,
          { familyName: `取込${i}`, affiliation: `batch:${batch}:${size}`, notes: 'edit:0' },
          batch,
        )
      }
    })
    ack({ kind: 'batch', batch, size })
  } else if (roll < 0.8) {
    // Bulk edit: each person's counter goes up by one, one committed update at a time.
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'notes'])
      .where('notes', 'like', 'edit:%')
      .where('deletedAt', 'is', null)
      .orderBy('id')
      .limit(2000)
      .execute()
    for (let i = 0; i < 10 && rows.length > 0; i++) {
      const row = pick(rows)
      const n = Number(String(row.notes).slice(5)) + 1
      await backend.client.call('contacts.update', { id: row.id, patch: { notes: `edit:${n}` } })
      row.notes = `edit:${n}`
      ack({ kind: 'edit', id: row.id, n })
    }
  } else if (roll < 0.93) {
    const ids = await db.selectFrom('contacts').select('id').where('deletedAt', 'is', null).orderBy('id').limit(3000).execute()
    if (ids.length > 10) {
      const chosen = [pick(ids).id, pick(ids).id, pick(ids).id].filter((x, i, a) => a.indexOf(x) === i)
      await backend.client.call('contacts.delete', { ids: chosen })
      ack({ kind: 'delete', ids: chosen })
    }
  } else {
    const info = await backend.client.call('safety.backupNow', {})
    ack({ kind: 'backup', id: info.id })
  }
}
