import { describe, expect, it } from 'vitest'
import { courseProgram, createPeople } from './programFixtures'
import { uuidv7 } from 'uuidv7'
import { insertVisits } from '../../electron/backend/db/repos/visitsRepo'
import { freshBackend } from './tempDb'

/** A wrong date, a visit recorded twice, a delete by mistake: each is one undo step. */
describe('undo of visit records', () => {
  it('takes back a date correction, and the 年度 figures follow', async () => {
    const { client } = await freshBackend()
    const [a] = await createPeople(client, 1)
    const { ids } = await client.call('visits.create', {
      contactIds: [a],
      fields: { visitDate: '2026-03-31', mode: 'onsite', nights: 1, purpose: '稲刈り' },
    })
    await client.call('visits.update', { id: ids[0]!, patch: { visitDate: '2026-04-01', nights: 2 } })
    expect((await client.call('dashboard.get', { fiscalYear: 2026 })).totalInvolvements).toBe(1)
    expect(await client.call('undo.peek', {})).toMatchObject({ label: '訪問・参加記録の変更（2026/03/31）' })

    expect(await client.call('undo.last', {})).toMatchObject({ label: '訪問・参加記録の変更（2026/03/31）' })
    const [row] = (await client.call('visits.list', {})).rows
    expect([row!.visitDate, row!.nights, row!.purpose]).toEqual(['2026-03-31', 1, '稲刈り'])
    expect((await client.call('dashboard.get', { fiscalYear: 2026 })).totalInvolvements).toBe(0)
    expect((await client.call('dashboard.get', { fiscalYear: 2025 })).totalInvolvements).toBe(1)
    const log = await client.call('audit.list', { entity: 'visit', action: 'undo' })
    expect(log.rows.map((e) => e.changes)).toEqual([
      [
        { field: 'visitDate', before: '2026-04-01', after: '2026-03-31' },
        { field: 'nights', before: 2, after: 1 },
      ],
    ])
  })

  it('takes back a day recorded for several people, all of it', async () => {
    const { client } = await freshBackend()
    const people = await createPeople(client, 3)
    await client.call('visits.create', { contactIds: people, fields: { visitDate: '2025-08-15', mode: 'onsite' } })
    expect(await client.call('undo.peek', {})).toMatchObject({ label: '訪問・参加の記録（2025/08/15・3件）' })
    await client.call('undo.last', {})
    expect((await client.call('visits.list', {})).total).toBe(0)
    expect((await client.call('dashboard.get', { fiscalYear: 2025 })).uniquePeople).toBe(0)
  })

  it('writes deleted visits back exactly, roster visits onto their roster again', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram() })
    const session = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-07-05', startTime: '10:00', mode: 'onsite' },
    })
    const [a, b] = await createPeople(client, 2)
    await client.call('roster.save', {
      sessionId: session.id,
      entries: [{ contactId: a, attended: true, mode: 'onsite', nights: 1 }],
    })
    await client.call('visits.create', {
      contactIds: [b],
      programId: program.id,
      fields: { visitDate: '2025-08-01', mode: 'onsite', municipalityCode: '325252', nights: 2, purpose: '補講', notes: 'メモ' },
    })
    const before = (await client.call('visits.list', {})).rows
    await client.call('visits.delete', { ids: before.map((r) => r.id) })
    expect(await client.call('undo.peek', {})).toMatchObject({ label: '訪問・参加記録の削除（2件）' })

    await client.call('undo.last', {})
    expect((await client.call('visits.list', {})).rows).toEqual(before)
    expect((await client.call('roster.get', { sessionId: session.id })).lines.map((l) => l.contactId)).toContain(a)
    expect(await client.call('undo.peek', {})).toMatchObject({ label: '訪問・参加の記録（2025/08/01・1件）' })
  })

  it('does not bring back a roster visit whose person was ticked on the roster again since', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram() })
    const session = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-07-05', startTime: '10:00', mode: 'onsite' },
    })
    const [a] = await createPeople(client, 1)
    const entries = [{ contactId: a!, attended: true, mode: 'onsite' as const, nights: 0 }]
    await client.call('roster.save', { sessionId: session.id, entries })
    await client.call('visits.delete', { ids: (await client.call('visits.list', {})).rows.map((r) => r.id) })
    await client.call('roster.save', { sessionId: session.id, entries })
    // The second save is itself the latest step; once it is taken back, the deleted visit returns
    // exactly once, and a third undo (the first save) leaves no attendance at all.
    await client.call('undo.last', {})
    expect((await client.call('visits.list', {})).total).toBe(0)
    await client.call('undo.last', {})
    expect((await client.call('visits.list', {})).total).toBe(1)
    await client.call('undo.last', {})
    expect((await client.call('visits.list', {})).total).toBe(0)
  })
})

/** A roster saved with the wrong people ticked: one undo puts the whole roster back as it was. */
describe('undo of a roster save', () => {
  async function rosterWithThree() {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram() })
    const session = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-07-05', startTime: '10:00', mode: 'onsite' },
    })
    const [a, b, c] = await createPeople(client, 3)
    return { client, program, session, a: a!, b: b!, c: c! }
  }
  const snapshot = async (client: Awaited<ReturnType<typeof rosterWithThree>>['client'], sessionId: string) => {
    const roster = await client.call('roster.get', { sessionId })
    const visits = (await client.call('visits.list', {})).rows
      .filter((v) => v.sessionId === sessionId)
      .map(({ id, contactId, mode, nights, notes, purpose, municipalityCode, visitDate }) => ({
        id,
        contactId,
        mode,
        nights,
        notes,
        purpose,
        municipalityCode,
        visitDate,
      }))
      .sort((x, y) => x.id.localeCompare(y.id))
    return { savedAt: roster.savedAt, lines: roster.lines, visits }
  }

  it('takes back ticks, unticks and changed nights of one save, and nothing of the save before', async () => {
    const { client, program, session, a, b, c } = await rosterWithThree()
    await client.call('roster.save', {
      sessionId: session.id,
      entries: [
        { contactId: a, attended: true, mode: 'onsite', nights: 1 },
        { contactId: b, attended: true, mode: 'online', nights: 0 },
      ],
    })
    // A note written on one of them since must survive the undo of the next save.
    const bVisit = (await client.call('visits.list', { contactId: b })).rows[0]!
    await client.call('visits.update', { id: bVisit.id, patch: { notes: 'オンラインで参加' } })
    const before = await snapshot(client, session.id)
    const visitsBefore = (await client.call('dashboard.get', { fiscalYear: 2025 })).totalInvolvements

    // The wrong save: a unticked (deleted), b's mode and nights changed, c ticked (created).
    const saved = await client.call('roster.save', {
      sessionId: session.id,
      entries: [
        { contactId: a, attended: false, mode: 'onsite', nights: 0 },
        { contactId: b, attended: true, mode: 'onsite', nights: 2 },
        { contactId: c, attended: true, mode: 'onsite', nights: 0 },
      ],
    })
    expect(saved).toMatchObject({ created: 1, updated: 1, removed: 1, attended: 2 })
    expect(await client.call('undo.peek', {})).toMatchObject({ label: '出欠の保存（しまコト講座2025・2025/07/05）' })

    expect(await client.call('undo.last', {})).toMatchObject({ label: '出欠の保存（しまコト講座2025・2025/07/05）' })
    expect(await snapshot(client, session.id)).toEqual(before)
    expect((await client.call('dashboard.get', { fiscalYear: 2025 })).totalInvolvements).toBe(visitsBefore)
    const sessions = await client.call('sessions.list', { programId: program.id })
    expect(sessions[0]!.attendedCount).toBe(2)
    // The step before is next: the notes change, then the first save.
    expect(await client.call('undo.peek', {})).toMatchObject({ label: '訪問・参加記録の変更（2025/07/05）' })
    const log = await client.call('audit.list', { entity: 'visit', action: 'undo' })
    expect(log.rows).toHaveLength(3)
  })

  it('takes a first save back to a roster never saved, which starts from the session default again', async () => {
    const { client, program, session, a, b } = await rosterWithThree()
    await client.call('sessions.update', { id: session.id, patch: { attendedByDefault: true } })
    await client.call('enrollments.add', { programId: program.id, contactIds: [a, b] })
    const before = await client.call('roster.get', { sessionId: session.id })
    expect(before.lines.map((l) => l.attended)).toEqual([true, true])
    await client.call('roster.save', {
      sessionId: session.id,
      entries: [{ contactId: a, attended: true, mode: 'onsite', nights: 0 }],
    })
    await client.call('undo.last', {})
    const after = await client.call('roster.get', { sessionId: session.id })
    expect(after.savedAt).toBeNull()
    expect(after.lines).toEqual(before.lines)
    expect((await client.call('visits.list', {})).total).toBe(0)
  })

  it('is no step when the save changed no attendance', async () => {
    const { client, session, a } = await rosterWithThree()
    const latest = await client.call('undo.peek', {})
    const saved = await client.call('roster.save', {
      sessionId: session.id,
      entries: [{ contactId: a, attended: false, mode: 'onsite', nights: 0 }],
    })
    expect(saved.undoStep).toBeNull()
    expect(await client.call('undo.peek', {})).toEqual(latest)
  })

  // The roster's own 元に戻す (プログラム → 出欠) takes back its save and nothing else.
  it('undo.last with the save’s step takes back that save only while it is the latest', async () => {
    const { client, session, a, b } = await rosterWithThree()
    const before = await snapshot(client, session.id)
    const saved = await client.call('roster.save', {
      sessionId: session.id,
      entries: [{ contactId: a, attended: true, mode: 'onsite', nights: 0 }],
    })
    expect(saved.undoStep).toEqual(expect.any(Number))
    expect(await client.call('undo.peek', {})).toMatchObject({ step: saved.undoStep })

    // Something else done since (another screen, another window): the roster's undo refuses,
    // says what came after, and changes nothing.
    await client.call('contacts.update', { id: b, patch: { notes: 'あとからの編集' } })
    const afterEdit = await snapshot(client, session.id)
    await expect(client.call('undo.last', { step: saved.undoStep! })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('このあとに別の操作'),
    })
    expect(await snapshot(client, session.id)).toEqual(afterEdit)
    expect((await client.call('contacts.get', { id: b })).notes).toBe('あとからの編集')

    // Once that edit is taken back, the save is the latest again and its own undo works.
    await client.call('undo.last', {})
    expect(await client.call('undo.last', { step: saved.undoStep! })).toMatchObject({ step: saved.undoStep })
    expect(await snapshot(client, session.id)).toEqual(before)
    // Asked again (a double click, a second window): already taken back.
    await expect(client.call('undo.last', { step: saved.undoStep! })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'この操作はすでに元に戻されています。',
    })
  })
})

/** The wrong person picked for a visit: the visit moves to the right one, and back with undo. */
describe('a visit moved to another person', () => {
  it('moves the visit and its counts, is audited, and undo moves it back', async () => {
    const { client } = await freshBackend()
    const [a, b] = await createPeople(client, 2)
    const { ids } = await client.call('visits.create', {
      contactIds: [a!],
      fields: { visitDate: '2025-08-15', mode: 'onsite', nights: 1, notes: '稲刈り' },
    })
    const moved = await client.call('visits.update', { id: ids[0]!, patch: { contactId: b! } })
    expect([moved.contactId, moved.contactName, moved.notes]).toEqual([b, '試験 二郎', '稲刈り'])
    expect((await client.call('visits.list', { contactId: a! })).total).toBe(0)
    expect((await client.call('visits.list', { contactId: b! })).total).toBe(1)
    expect((await client.call('dashboard.get', { fiscalYear: 2025 })).uniquePeople).toBe(1)
    const [entry] = (await client.call('audit.list', { entity: 'visit', action: 'update' })).rows
    expect(entry!.changes).toEqual([{ field: 'contactId', before: a, after: b }])

    expect(await client.call('undo.last', {})).toMatchObject({ label: '訪問・参加記録の変更（2025/08/15）' })
    expect((await client.call('visits.list', { contactId: a! })).total).toBe(1)
    expect((await client.call('visits.list', { contactId: b! })).total).toBe(0)
  })

  it('refuses someone in the trash, and someone already on the same session’s roster', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram() })
    const session = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-07-05', startTime: '10:00', mode: 'onsite' },
    })
    const [a, b, c] = await createPeople(client, 3)
    await client.call('roster.save', {
      sessionId: session.id,
      entries: [
        { contactId: a!, attended: true, mode: 'onsite', nights: 0 },
        { contactId: b!, attended: true, mode: 'onsite', nights: 0 },
      ],
    })
    const visitOfA = (await client.call('visits.list', { contactId: a! })).rows[0]!
    await expect(client.call('visits.update', { id: visitOfA.id, patch: { contactId: b! } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'その人はこの回の出席としてすでに記録されています。出欠表で確認してください。',
    })
    await client.call('contacts.delete', { ids: [c!] })
    await expect(client.call('visits.update', { id: visitOfA.id, patch: { contactId: c! } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect((await client.call('visits.list', { contactId: a! })).total).toBe(1)
  })

  it('undo leaves a roster visit with its new person when the first is on that roster again', async () => {
    const backend = await freshBackend()
    const { client } = backend
    const program = await client.call('programs.create', { fields: courseProgram() })
    const session = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-07-05', startTime: '10:00', mode: 'onsite' },
    })
    const [a, b] = await createPeople(client, 2)
    await client.call('roster.save', {
      sessionId: session.id,
      entries: [{ contactId: a!, attended: true, mode: 'onsite', nights: 0 }],
    })
    const visitOfA = (await client.call('visits.list', { contactId: a! })).rows[0]!
    await client.call('visits.update', { id: visitOfA.id, patch: { contactId: b! } })
    // a is on the roster again by a way that is no undo step (as an imported sign-in sheet is).
    const now = new Date().toISOString()
    await insertVisits(backend.context.db, [
      {
        id: uuidv7(),
        contactId: a!,
        programId: program.id,
        sessionId: session.id,
        visitDate: '2025-07-05',
        mode: 'onsite',
        municipalityCode: null,
        nights: 0,
        purpose: null,
        notes: null,
        createdAt: now,
        updatedAt: now,
      },
    ])
    await client.call('undo.last', {})
    expect((await client.call('visits.list', { contactId: b! })).rows.map((r) => r.id)).toEqual([visitOfA.id])
    expect((await client.call('visits.list', { contactId: a! })).total).toBe(1)
  })
})
