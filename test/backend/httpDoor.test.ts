import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { startHttpDoor } from '../../electron/http/server'
import type { HttpDoor } from '../../electron/http/server'
import { freshBackend, tempDir } from './tempDb'

interface Response {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

function request(
  door: HttpDoor,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
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
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        )
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

async function openDoor() {
  const backend = await freshBackend()
  const staticRoot = tempDir()
  fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>かけはし</title>')
  const door = await startHttpDoor({ dispatch: backend.dispatch, events: backend.events, staticRoot })
  const call = (method: string, args: unknown, headers: Record<string, string> = {}) =>
    request(door, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { 'content-type': 'application/json', 'x-kakehashi-token': door.token, ...headers },
      body: JSON.stringify(args),
    })
  return { backend, door, call }
}

describe('the HTTP door', () => {
  it('answers a wrong passphrase with 403, not as a server error; the body says it in Japanese', async () => {
    const { door, call } = await openDoor()
    try {
      expect((await call('safety.setPassphrase', { next: 'kawasemi-2025' })).status).toBe(200)
      const wrong = await call('safety.setPassphrase', { current: 'not-this-one', next: null })
      expect(wrong.status).toBe(403)
      expect(JSON.parse(wrong.body).error).toMatchObject({
        code: 'WRONG_PASSPHRASE',
        message: expect.stringContaining('パスフレーズが違います'),
      })
    } finally {
      await door.close()
    }
  })

  it('listens on loopback only and prints a URL carrying its token', async () => {
    const { door } = await openDoor()
    try {
      expect(door.url).toBe(`http://127.0.0.1:${door.port}/#token=${door.token}`)
      expect(door.token.length).toBeGreaterThanOrEqual(32)
    } finally {
      await door.close()
    }
  })

  it('serves calls with the token, with the same replies as the in-process client', async () => {
    const { door, call } = await openDoor()
    try {
      const created = await call('contacts.create', { fields: { familyName: '山田', familyKana: 'やまだ' } })
      expect(created.status).toBe(200)
      expect(JSON.parse(created.body)).toMatchObject({ ok: true, result: { familyName: '山田', familyKana: 'ヤマダ' } })
      const invalid = await call('contacts.update', { id: JSON.parse(created.body).result.id, patch: { email: 'abc' } })
      expect(invalid.status).toBe(400)
      expect(JSON.parse(invalid.body).error.details.issues[0]).toMatchObject({
        path: ['patch', 'email'],
        message: expect.stringContaining('メールアドレス'),
      })
      expect((await call('nope.nothing', {})).status).toBe(404)
    } finally {
      await door.close()
    }
  })

  it('refuses calls without the token, with a wrong token, from another origin or another host name — and writes nothing', async () => {
    const { door, call, backend } = await openDoor()
    try {
      const args = { fields: { familyName: '侵入' } }
      const attempts = [
        await request(door, {
          method: 'POST',
          path: '/api/contacts.create',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(args),
        }),
        await call('contacts.create', args, { 'x-kakehashi-token': 'wrong-token-wrong-token-wrong-tok' }),
        await call('contacts.create', args, { origin: 'http://evil.example' }),
        await call('contacts.create', args, { host: `evil.example:${door.port}` }),
      ]
      expect(attempts.map((r) => r.status)).toEqual([401, 401, 403, 403])
      for (const r of attempts) expect(JSON.parse(r.body).error.code).toBe('UNAUTHORIZED')
      expect((await backend.client.call('contacts.list', {})).total).toBe(0)
      // The same origin is welcome.
      expect((await call('app.info', {}, { origin: `http://127.0.0.1:${door.port}` })).status).toBe(200)
    } finally {
      await door.close()
    }
  })

  it('serves the renderer but nothing outside its folder', async () => {
    const { door } = await openDoor()
    try {
      const page = await request(door, { path: '/' })
      expect(page.status).toBe(200)
      expect(page.headers['content-type']).toContain('text/html')
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(page.headers['content-security-policy']).toContain("script-src 'self'")
      expect(page.body).toContain('かけはし')
      const escape = await request(door, { path: '/../../../../etc/passwd' })
      expect(escape.body).not.toContain('root:')
      const encoded = await request(door, { path: '/%2e%2e/%2e%2e/%2e%2e/etc/passwd' })
      expect(encoded.body).not.toContain('root:')
    } finally {
      await door.close()
    }
  })

  it('pushes backend events to a server-sent event stream that presents the token', async () => {
    const { door, call } = await openDoor()
    try {
      expect((await request(door, { path: '/api/events' })).status).toBe(401)
      const received = new Promise<string>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port: door.port, path: `/api/events?token=${door.token}` }, (res) => {
          let buffer = ''
          res.on('data', (c: Buffer) => {
            buffer += c.toString('utf8')
            const line = buffer.split('\n').find((l) => l.startsWith('data: '))
            if (line) {
              resolve(line.slice(6))
              req.destroy()
            }
          })
        })
        req.on('error', reject)
      })
      await new Promise((r) => setTimeout(r, 50))
      await call('contacts.create', { fields: { familyName: '通知' } })
      expect(JSON.parse(await received)).toMatchObject({ event: 'data.changed', payload: { entity: 'contact' } })
    } finally {
      await door.close()
    }
  })
})
