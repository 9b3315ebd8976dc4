import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openBackend } from '../../backend/backend'
import { DAILY_BACKUP_DELAY_MS } from '../../backend/safety/dailyBackupDelay'
import { startHttpDoor } from '../../http/server'
import { DoorTransfers } from '../../http/transfers'
import type { Output } from '../output'
import { passphraseFromEnv } from './safetyCli'

/** The built renderer sits beside the built CLI (out/main/cli.js → out/renderer). */
function rendererDir(): string {
  return process.env.KAKEHASHI_RENDERER_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer')
}

/** `serve --db FILE [--demo] [--port N]`: the browser door on 127.0.0.1 until Ctrl+C. */
export async function serveCommand(opts: { db: string; demo: boolean; port: number }, out: Output): Promise<number> {
  fs.mkdirSync(path.dirname(path.resolve(opts.db)), { recursive: true })
  // degraded: an encrypted or damaged database opens behind the safety door, and the browser
  // shows the passphrase prompt or the restore screen (the passphrase may also come from env).
  // Backups downloaded and restore uploads pass through the data folder (never the JSON calls).
  const transfers = new DoorTransfers(path.join(path.dirname(path.resolve(opts.db)), 'transfers'))
  const backend = await openBackend({
    file: opts.db,
    demo: opts.demo,
    degraded: true,
    dailyBackupDelayMs: DAILY_BACKUP_DELAY_MS,
    passphrase: passphraseFromEnv(),
    files: transfers,
  })
  const door = await startHttpDoor({
    transfers,
    dispatch: backend.dispatch,
    events: backend.events,
    staticRoot: rendererDir(),
    port: opts.port,
  })
  out.result(
    { url: door.url, port: door.port, token: door.token, db: path.resolve(opts.db) },
    `かけはし: ${door.url}\nデータベース: ${path.resolve(opts.db)}\n（このアドレスはこのパソコンからだけ開けます。終了は Ctrl+C）`,
  )
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await door.close()
  await backend.close()
  transfers.clear()
  return 0
}
