import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/contract/errors'
import { latestSchemaVersion } from '../../electron/backend/db/migrations/index'
import { freshBackend } from './tempDb'

describe('the dispatcher (every door goes through it)', () => {
  it('refuses an unknown method with a typed Japanese error', async () => {
    const { dispatch } = await freshBackend()
    const reply = await dispatch('contacts.dropTable', {})
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'UNKNOWN_METHOD',
        message: expect.stringContaining('不明な操作'),
        details: { method: 'contacts.dropTable' },
      },
    })
  })

  it('refuses names that only look like methods (prototype keys)', async () => {
    const { dispatch } = await freshBackend()
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const reply = await dispatch(name, {})
      expect(reply.ok).toBe(false)
      if (!reply.ok) expect(reply.error.code).toBe('UNKNOWN_METHOD')
    }
  })

  it('refuses invalid arguments with field-level details in Japanese', async () => {
    const { dispatch } = await freshBackend()
    const reply = await dispatch('contacts.list', {
      offset: -1,
      limit: 'many',
      sort: [{ colId: 'search_key', sort: 'asc' }],
      extra: 1,
    })
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('INVALID_ARGS')
    const paths = reply.error.details?.issues?.map((i) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['offset', 'limit', 'sort.0.colId', '']))
    for (const issue of reply.error.details?.issues ?? []) expect(issue.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
  })

  it('refuses a column id that is not on the whitelist, so no identifier reaches SQL', async () => {
    const { client } = await freshBackend()
    const attempt = client.call('contacts.list', {
      filter: { 'family_name; DROP TABLE contacts; --': { filterType: 'text', type: 'contains', filter: 'x' } },
    } as never)
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_ARGS' })
    expect((await client.call('app.info', {})).schemaVersion).toBe(latestSchemaVersion)
  })

  it('app.identity is app.info without the counts', async () => {
    const { client } = await freshBackend()
    await client.call('contacts.create', { fields: { familyName: '数', givenName: '一' } })
    const { counts, ...identity } = await client.call('app.info', {})
    expect(counts.contacts).toBe(1)
    expect(await client.call('app.identity', {})).toEqual(identity)
    expect(identity).toMatchObject({ schemaVersion: latestSchemaVersion, isDemo: false })
  })

  it('gives the in-process client ApiErrors it can catch', async () => {
    const { client } = await freshBackend()
    const error = await client.call('contacts.get', { id: '0190a3a4-0000-7000-8000-000000000000' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('見つかりません') })
  })

  it('accepts missing arguments as {} and applies defaults', async () => {
    const { dispatch } = await freshBackend()
    const reply = await dispatch('contacts.list', undefined)
    expect(reply).toEqual({ ok: true, result: { rows: [], total: 0 } })
  })
})
