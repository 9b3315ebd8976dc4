import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import { serveHost } from '../../electron/backend/host'
import type { ParentPortLike } from '../../electron/backend/host'
import type { HostToMain, MainToHost } from '../../electron/main/hostProtocol'
import { tempDir } from './tempDb'

/**
 * The desktop path of 「USBメモリなどに保存」/「ファイルから復元」 without Electron: main's
 * dialogs are stood in for by the 'grant' messages main sends the host after a dialog
 * (electron/main/ipc.ts), and the renderer's calls by 'call' messages carrying only the id.
 */
function hostOnRealBackend() {
  const posted: HostToMain[] = []
  let listener: (message: { data: unknown }) => void = () => {}
  const port: ParentPortLike = {
    on: (_event, l) => (listener = l),
    postMessage: (message) => void posted.push(structuredClone(message as HostToMain)),
  }
  const send = (data: MainToHost) => listener({ data: structuredClone(data) })
  const host = serveHost(port, {
    open: (options) => openBackend({ ...options, userName: 'tester', dailyBackup: false }),
    exit: () => undefined,
  })
  let nextId = 1
  const reply = async (id: number) => {
    for (let i = 0; i < 600; i++) {
      const found = posted.find((m) => m.type === 'reply' && m.id === id)
      if (found && found.type === 'reply') return found.reply
      await new Promise((r) => setTimeout(r, 25))
    }
    throw new Error(`no reply to call ${id}`)
  }
  const call = async (method: string, args: unknown) => {
    const id = nextId++
    send({ type: 'call', id, method, args })
    return reply(id)
  }
  return { posted, send, host, call }
}

describe('backup to and restore from a file, through the desktop host', () => {
  it('writes to the path main granted for saving and restores from the one granted for reading', async () => {
    const dir = tempDir()
    const { posted, send, host, call } = hostOnRealBackend()
    send({ type: 'open', file: path.join(dir, 'kakehashi.db'), demo: false })
    for (let i = 0; i < 200 && !posted.some((m) => m.type === 'ready'); i++) await new Promise((r) => setTimeout(r, 25))
    try {
      await call('contacts.create', { fields: { familyName: '保存前', givenName: '試験' } })
      const stick = path.join(dir, 'usb', 'かけはし-バックアップ.db')
      fs.mkdirSync(path.dirname(stick))
      send({ type: 'grant', grant: { fileId: 'save-1', path: stick, kind: 'db', access: 'write' } })
      expect(await call('safety.backupToFile', { fileId: 'save-1' })).toMatchObject({
        ok: true,
        result: { name: 'かけはし-バックアップ.db', counts: { contacts: 1 } },
      })
      expect(fs.existsSync(stick)).toBe(true)

      await call('contacts.create', { fields: { familyName: '保存後', givenName: '試験' } })
      // A save grant never reads: the renderer cannot restore from a file it was only allowed to write.
      expect(await call('safety.restoreFromFile', { fileId: 'save-1' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
      send({ type: 'grant', grant: { fileId: 'open-1', path: stick, kind: 'db', access: 'read' } })
      expect(await call('safety.restoreFromFile', { fileId: 'open-1' })).toMatchObject({
        ok: true,
        result: { restored: { counts: { contacts: 1 } }, status: { state: 'open' } },
      })
      const list = await call('contacts.list', { search: '保存後', limit: 10 })
      expect(list).toMatchObject({ ok: true, result: { total: 0 } })
    } finally {
      await host.shutdown()
    }
  })
})
