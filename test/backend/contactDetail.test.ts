import { describe, expect, it } from 'vitest'
import { courseProgram, createPeople } from './programFixtures'
import { freshBackend } from './tempDb'

describe('the person panel (contacts.detail)', () => {
  it('gathers the person with their tags, stage history, enrollments and visits', async () => {
    const { client } = await freshBackend()
    const [id] = await createPeople(client, 1)
    const program = await client.call('programs.create', { fields: courseProgram() })
    await client.call('tags.addToContacts', { ids: [id!], name: '島根ファン' })
    await client.call('contacts.setStage', { ids: [id!], stage: 'atatameru', note: '講座に申込' })
    await client.call('enrollments.add', { programId: program.id, contactIds: [id!], status: 'confirmed' })
    await client.call('visits.create', {
      contactIds: [id!],
      programId: null,
      fields: { visitDate: '2025-08-02', mode: 'onsite', nights: 1, municipalityCode: null, purpose: '草刈り', notes: null },
    })

    const detail = await client.call('contacts.detail', { id: id! })
    expect(detail.contact.id).toBe(id)
    expect(detail.tags.map((t) => t.name)).toEqual(['島根ファン'])
    expect(detail.stageHistory.map((h) => h.stage)).toEqual(['atatameru', 'tsukamu'])
    expect(detail.enrollments).toMatchObject([{ programId: program.id, status: 'confirmed', programName: program.name }])
    expect(detail.visits).toMatchObject([{ visitDate: '2025-08-02', purpose: '草刈り', nights: 1 }])
    expect(detail.visitCount).toBe(1)
    expect(detail.organizations).toEqual([])
  })

  it('answers NOT_FOUND for a person in the trash', async () => {
    const { client } = await freshBackend()
    const [id] = await createPeople(client, 1)
    await client.call('contacts.delete', { ids: [id!] })
    await expect(client.call('contacts.detail', { id: id! })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
