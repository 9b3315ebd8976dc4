import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend } from '../../electron/backend/backend'
import { startHttpDoor } from '../../electron/http/server'
import type { HttpDoor } from '../../electron/http/server'
import { DoorTransfers } from '../../electron/http/transfers'
import { addPeople } from './safetyHelpers'
import { tempDir } from './tempDb'

/** The browser door streams database copies: a backup downloaded once, a restore uploaded. */

interface Response {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

function request(
  door: HttpDoor,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: door.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${door.port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

const toClose: (() => Promise<void>)[] = []
afterEach(async () => {
  while (toClose.length) await toClose.pop()!()
})

async function openDoor(): Promise<{ backend: Backend; door: HttpDoor; transfers: DoorTransfers; dir: string }> {
  const dir = tempDir()
  const transfers = new DoorTransfers(path.join(dir, 'transfers'))
  const backend = await openBackend({
    file: path.join(dir, 'kakehashi.db'),
    userName: 'tester',
    dailyBackup: false,
    files: transfers,
  })
  const staticRoot = tempDir()
  fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>かけはし</title>')
  const door = await startHttpDoor({ dispatch: backend.dispatch, events: backend.events, staticRoot, transfers })
  toClose.push(
    () => backend.close(),
    () => door.close(),
  )
  return { backend, door, transfers, dir }
}

const json = (r: Response) => JSON.parse(r.body.toString('utf8')) as { ok: boolean; result?: never; error?: { code: string } }

describe('the HTTP door’s file transfers', () => {
  it('a backup is written where the save granted, downloaded once as an attachment, then gone', async () => {
    const { backend, door, transfers } = await openDoor()
    await addPeople(backend, 2)
    const token = { 'x-kakehashi-token': door.token, 'content-type': 'application/json' }
    const saved = json(
      await request(door, { method: 'POST', path: '/api/files/save', headers: token, body: '{"name":"../かけはし 12月.db"}' }),
    )
    const picked = saved.result! as { fileId: string; name: string }
    expect(picked.name).toBe('かけはし 12月.db') // no folder smuggled in
    await backend.client.call('safety.backupToFile', { fileId: picked.fileId })

    const first = await request(door, { path: `/api/files/download/${picked.fileId}` })
    expect(first.status).toBe(200)
    expect(first.headers['content-disposition']).toContain(encodeURIComponent('かけはし 12月.db'))
    expect(first.body.subarray(0, 15).toString('latin1')).toBe('SQLite format 3')
    expect((await request(door, { path: `/api/files/download/${picked.fileId}` })).status).toBe(404)
    // The door removes the file once the stream has ended on its side, which can be just after
    // the client has the last byte: poll rather than look once.
    await expect.poll(() => fs.readdirSync(transfers.folder), { timeout: 5000 }).toEqual([])
  })

  it('an uploaded copy is streamed into the data folder and restored by its id', async () => {
    const { backend, door } = await openDoor()
    await addPeople(backend, 2)
    const token = { 'x-kakehashi-token': door.token, 'content-type': 'application/json' }
    const picked = json(await request(door, { method: 'POST', path: '/api/files/save', headers: token, body: '{}' })).result! as {
      fileId: string
    }
    await backend.client.call('safety.backupToFile', { fileId: picked.fileId })
    const bytes = (await request(door, { path: `/api/files/download/${picked.fileId}` })).body
    await addPeople(backend, 3)

    const uploaded = await request(door, {
      method: 'POST',
      path: `/api/files/upload?name=${encodeURIComponent('USBの控え.db')}`,
      headers: { 'x-kakehashi-token': door.token, 'content-type': 'application/octet-stream' },
      body: bytes,
    })
    const file = json(uploaded).result! as { fileId: string; name: string }
    expect(file.name).toBe('USBの控え.db')
    const result = await backend.client.call('safety.restoreFromFile', { fileId: file.fileId })
    expect(result.restored.counts.contacts).toBe(2)
  })

  it('refuses save and upload without the token, and a download id never granted', async () => {
    const { door } = await openDoor()
    const save = await request(door, {
      method: 'POST',
      path: '/api/files/save',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(save.status).toBe(401)
    const upload = await request(door, {
      method: 'POST',
      path: '/api/files/upload?name=x.db',
      headers: { 'content-type': 'application/octet-stream' },
      body: 'SQLite format 3',
    })
    expect(upload.status).toBe(401)
    const made = await request(door, { path: '/api/files/download/00000000-0000-4000-8000-000000000000' })
    expect(made.status).toBe(404)
    // An upload's id grants reading only: it can never be downloaded back.
    const up = json(
      await request(door, {
        method: 'POST',
        path: '/api/files/upload?name=x.db',
        headers: { 'x-kakehashi-token': door.token, 'content-type': 'application/octet-stream' },
        body: 'not a database',
      }),
    ).result! as { fileId: string }
    expect((await request(door, { path: `/api/files/download/${up.fileId}` })).status).toBe(404)
  })
})
