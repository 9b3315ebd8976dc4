import { describe, expect, it } from 'vitest'
import { courseProgram, createPeople } from './programFixtures'
import { freshBackend } from './tempDb'

/** The message of the first issue of a refused call. */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call
  } catch (e) {
    const issues = (e as { details?: { issues?: { message: string }[] } }).details?.issues ?? []
    return issues[0]?.message ?? (e as Error).message
  }
  throw new Error('the call was not refused')
}

describe('numeric limits are said in plain Japanese', () => {
  it('visits: 泊数', async () => {
    const { client } = await freshBackend()
    const [a] = await createPeople(client, 1)
    const visit = (nights: number) =>
      client.call('visits.create', { contactIds: [a], fields: { visitDate: '2025-08-15', mode: 'onsite', nights } })
    expect(await refusal(visit(400))).toBe('泊数は365以下で入力してください')
    expect(await refusal(visit(-1))).toBe('泊数は0以上で入力してください')
    expect(await refusal(visit(1.5))).toBe('泊数は整数で入力してください')
    expect(await refusal(client.call('visits.list', { fiscalYear: 1900 }))).toBe('年度は1989～2200の範囲で入力してください')
  })

  it('programs: 定員, 参加費, 年度; sessions: 人数のみの参加; rosters: 泊数', async () => {
    const { client } = await freshBackend()
    const create = (fields: object) => client.call('programs.create', { fields: courseProgram(fields) })
    expect(await refusal(create({ capacity: 100_001 }))).toBe('定員は100,000以下で入力してください')
    expect(await refusal(create({ fee: 100_000_001 }))).toBe('参加費は100,000,000以下で入力してください')
    expect(await refusal(create({ fee: Number.NaN }))).toBe('参加費は数値で入力してください')
    expect(await refusal(create({ fiscalYear: 3000 }))).toBe('年度は1989～2200の範囲で入力してください')
    const program = await create({})
    expect(await refusal(client.call('programs.update', { id: program.id, patch: { capacity: -1 } }))).toBe(
      '定員は0以上で入力してください',
    )
    const sessionAt = (anonymousHeadcount: number) =>
      client.call('sessions.create', {
        programId: program.id,
        fields: { date: '2025-07-05', startTime: '13:00', mode: 'onsite', anonymousHeadcount },
      })
    expect(await refusal(sessionAt(1_000_001))).toBe('人数のみの参加は1,000,000以下で入力してください')
    const session = await sessionAt(0)
    const [a] = await createPeople(client, 1)
    expect(
      await refusal(
        client.call('roster.save', { sessionId: session.id, entries: [{ contactId: a, attended: true, nights: 366 }] }),
      ),
    ).toBe('泊数は365以下で入力してください')
  })
})
