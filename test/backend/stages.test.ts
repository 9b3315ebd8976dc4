import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/contract/errors'
import { freshBackend } from './tempDb'

describe('stage labels', () => {
  it('renames a stage: the code stays, the label is what the coordinator typed', async () => {
    const { client } = await freshBackend()
    const stages = await client.call('stages.rename', { code: 'tsukamu', label: '出会う' })
    expect(stages.find((s) => s.code === 'tsukamu')?.label).toBe('出会う')
    expect(await client.call('stages.list', {})).toEqual(stages)
  })

  it('refuses a label another stage already has, and changes nothing', async () => {
    const { client } = await freshBackend()
    const before = await client.call('stages.list', {})
    const taken = before.find((s) => s.code === 'atatameru')!.label
    const error = await client.call('stages.rename', { code: 'tsukamu', label: taken }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'CONFLICT', message: `「${taken}」は別の段階の名前として使われています。` })
    expect(await client.call('stages.list', {})).toEqual(before)
  })

  it('accepts a stage keeping its own label', async () => {
    const { client } = await freshBackend()
    const own = (await client.call('stages.list', {})).find((s) => s.code === 'unagasu')!.label
    const stages = await client.call('stages.rename', { code: 'unagasu', label: own })
    expect(stages.find((s) => s.code === 'unagasu')?.label).toBe(own)
  })
})
