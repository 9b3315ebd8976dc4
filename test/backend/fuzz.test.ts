import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { isErrorCode } from '../../shared/contract/errors'
import { methods } from '../../shared/contract/methods'
import type { Backend } from '../../electron/backend/backend'
import { startHttpDoor } from '../../electron/http/server'
import { addPeople, tableDigests } from './safetyHelpers'
import { freshBackend, tempDir } from './tempDb'

/** Arguments shaped like the method's (its keys) with random values, plus plain random JSON. */
function argsFor(name: string): fc.Arbitrary<unknown> {
  const schema = methods[name as keyof typeof methods].args as z.ZodType
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : []
  const value = fc.oneof(
    fc.jsonValue(),
    fc.string(),
    fc.integer(),
    fc.constantFrom(
      '',
      '../../etc/passwd',
      "'; DROP TABLE contacts; --",
      '0194f5a0-0000-7000-8000-000000000000',
      '=HYPERLINK("x")',
      '\u0000',
      'a'.repeat(5000),
    ),
  )
  const shaped = keys.length
    ? fc.dictionary(fc.constantFrom(...keys, 'extra'), value, { maxKeys: keys.length + 1 })
    : fc.constant({})
  return fc.oneof(shaped, fc.jsonValue(), fc.constant(undefined), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 }))
}

/** Methods that are refused or answered, never crash; these are judged by their own tests. */
const slowOrStateful = new Set(['safety.setPassphrase'])

async function assertTyped(backend: Backend, method: string, args: unknown, baseline: { digest: string }) {
  const reply = await backend.dispatch(method, args)
  if (reply.ok) {
    baseline.digest = JSON.stringify(tableDigests(backend.context.handle.sqlite)) // an accepted call may write
    return
  }
  expect(isErrorCode(reply.error.code), `${method} answered ${JSON.stringify(reply.error)}`).toBe(true)
  expect(reply.error.code, `${method}(${JSON.stringify(args)?.slice(0, 200)}) hit an unexpected error`).not.toBe('INTERNAL')
  expect(typeof reply.error.message).toBe('string')
  // A refused call wrote nothing.
  expect(JSON.stringify(tableDigests(backend.context.handle.sqlite))).toBe(baseline.digest)
}

describe('hostile input at the door', () => {
  it('every contract method answers random and malformed arguments with a typed error or a valid result, writing nothing when it refuses', async () => {
    const backend = await freshBackend({ dailyBackup: false })
    await addPeople(backend, 3, 'ファズ')
    const baseline = { digest: JSON.stringify(tableDigests(backend.context.handle.sqlite)) }
    const names = Object.keys(methods).filter((m) => !slowOrStateful.has(m))
    expect(names.length).toBeGreaterThan(20)
    for (const method of names) {
      await fc.assert(
        fc.asyncProperty(argsFor(method), async (args) => assertTyped(backend, method, args, baseline)),
        { numRuns: 25, seed: 7 },
      )
    }
    // Unknown methods and prototype tricks are refused too.
    for (const method of ['__proto__', 'constructor', 'contacts.drop', '', 'toString']) {
      const reply = await backend.dispatch(method, {})
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
    // …and the backend keeps serving (reads and writes).
    const created = await backend.client.call('contacts.create', { fields: { familyName: '健在' } })
    expect((await backend.client.call('contacts.get', { id: created.id })).familyName).toBe('健在')
    expect(await backend.client.call('safety.status', {})).toMatchObject({ state: 'open' })
  }, 120_000)

  it('the HTTP door listens on 127.0.0.1 only and refuses random requests without the token', async () => {
    const backend = await freshBackend({ dailyBackup: false })
    await addPeople(backend, 2, 'ドア')
    const staticRoot = tempDir()
    fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html>')
    const door = await startHttpDoor({ dispatch: backend.dispatch, events: backend.events, staticRoot })
    try {
      // The kernel's socket table: the listening socket is bound to 127.0.0.1, not 0.0.0.0 or another interface.
      const hexPort = door.port.toString(16).toUpperCase().padStart(4, '0')
      const listening = fs
        .readFileSync('/proc/net/tcp', 'utf8')
        .split('\n')
        .map((l) => l.trim().split(/\s+/))
        .filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A')
        .map((cols) => cols[1])
      expect(listening).toEqual([`0100007F:${hexPort}`])
      expect(fs.readFileSync('/proc/net/tcp6', 'utf8')).not.toContain(`:${hexPort} 00000000000000000000000000000000:0000 0A`)

      const before = JSON.stringify(tableDigests(backend.context.handle.sqlite))
      const post = (p: string, headers: Record<string, string>, body: string) =>
        new Promise<number>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port: door.port, method: 'POST', path: p, headers }, (res) => {
            res.resume()
            res.on('end', () => resolve(res.statusCode ?? 0))
          })
          req.on('error', reject)
          req.end(body)
        })
      const host = `127.0.0.1:${door.port}`
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...Object.keys(methods)),
          fc.string(),
          fc.constantFrom('', 'http://evil.example', `http://${host}`),
          async (method, body, origin) => {
            // No token: refused whatever the origin or body.
            const headers: Record<string, string> = { host, 'content-type': 'application/json' }
            if (origin) headers.origin = origin
            expect([401, 403]).toContain(await post(`/api/${method}`, headers, body))
          },
        ),
        { numRuns: 60, seed: 11 },
      )
      // With the token but another origin: refused.
      expect(
        await post(
          '/api/contacts.create',
          { host, origin: 'http://evil.example', 'content-type': 'application/json', 'x-kakehashi-token': door.token },
          JSON.stringify({ fields: { familyName: '侵入' } }),
        ),
      ).toBe(403)
      expect(JSON.stringify(tableDigests(backend.context.handle.sqlite))).toBe(before)
    } finally {
      await door.close()
    }
  }, 60_000)
})
