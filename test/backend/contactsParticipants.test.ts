import { describe, expect, it } from 'vitest'
import type { Client } from '../../shared/contract/client'
import type { ContactCreateInput } from '../../shared/contract/contacts'
import { freshBackend } from './tempDb'

const people: ContactCreateInput[] = [
  { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ', phone: '090-1234-5678', stage: 'tsukamu' },
  {
    familyName: '浜田',
    givenName: '花子',
    familyKana: 'ハマダ',
    givenKana: 'ハナコ',
    email: 'hanako@example.jp',
    stage: 'tsunagaru',
  },
  {
    familyName: '阿部',
    givenName: '健',
    familyKana: 'アベ',
    givenKana: 'ケン',
    notes: 'しまコトアカデミー修了',
    stage: 'atatameru',
  },
]

async function seed(client: Client) {
  const out = []
  for (const fields of people) out.push(await client.call('contacts.create', { fields }))
  return out
}

const names = (page: { rows: { familyName: string }[] }) => page.rows.map((r) => r.familyName).sort()

describe('participants: search index, undo, tags, paste, export, views, audit', () => {
  it('searches 3+ characters through the FTS5 trigram index and shorter needles by scanning', async () => {
    const { client, context } = await freshBackend()
    const [yamada] = await seed(client)
    expect(names(await client.call('contacts.list', { search: 'ﾔﾏﾀﾞ' }))).toEqual(['山田'])
    expect(names(await client.call('contacts.list', { search: 'まだ' }))).toEqual(['山田', '浜田']) // 2 chars: instr
    expect(names(await client.call('contacts.list', { search: 'ｱｶﾃﾞﾐｰ' }))).toEqual(['阿部'])
    expect(names(await client.call('contacts.list', { search: '"; DROP' }))).toEqual([])
    // The index follows edits and hard deletes (triggers), keyed by a stable integer.
    await client.call('contacts.update', { id: yamada!.id, patch: { phone: '080-5555-6666' } })
    expect(names(await client.call('contacts.list', { search: '08055556666' }))).toEqual(['山田'])
    expect((await client.call('contacts.list', { search: '09012345678' })).total).toBe(0)
    const sqlite = context.handle.sqlite
    sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(yamada!.id)
    expect(sqlite.prepare(`SELECT count(*) AS n FROM contacts_fts WHERE contacts_fts MATCH '"ヤマダ"'`).get()).toEqual({ n: 0 })
    sqlite.exec('VACUUM')
    expect(names(await client.call('contacts.list', { search: 'はまだはなこ' }))).toEqual(['浜田'])
  })

  it('undo takes back an edit (with its stage history), then a delete, also from a new client', async () => {
    const backend = await freshBackend()
    const { client, context } = backend
    const [yamada, hamada] = await seed(client)
    await client.call('contacts.update', { id: yamada!.id, patch: { stage: 'unagasu', phone: '080-0000-1111' } })
    await client.call('contacts.delete', { ids: [hamada!.id] })
    expect(await client.call('undo.peek', {})).toMatchObject({ label: '1人の削除' })

    expect(await client.call('undo.last', {})).toMatchObject({ label: '1人の削除' })
    expect((await client.call('contacts.get', { id: hamada!.id })).familyName).toBe('浜田')

    expect(await client.call('undo.last', {})).toMatchObject({ label: '山田太郎さんの編集' })
    const back = await client.call('contacts.get', { id: yamada!.id })
    expect([back.stage, back.phone]).toEqual(['tsukamu', '090-1234-5678'])
    const history = context.handle.sqlite.prepare('SELECT stage FROM stage_history WHERE contact_id = ?').all(yamada!.id)
    expect(history).toEqual([{ stage: 'tsukamu' }])
    expect(names(await client.call('contacts.list', { search: '09012345678' }))).toEqual(['山田'])
    // The audit log says it was an undo, not an edit typing the old value back.
    const undone = (await client.call('audit.list', { entityId: yamada!.id, action: 'undo' })).rows
    expect(undone).toHaveLength(1)
    expect(undone[0]!.changes).toContainEqual({ field: 'stage', before: 'unagasu', after: 'tsukamu' })
    expect((await client.call('audit.list', { entityId: yamada!.id, action: 'update' })).total).toBe(1)

    // Creating people is undone too; then nothing is left.
    expect(await client.call('undo.last', {})).toMatchObject({ label: '阿部健さんの追加' })
    expect((await client.call('contacts.list', {})).total).toBe(2)
    await client.call('undo.last', {})
    await client.call('undo.last', {})
    expect(await client.call('undo.last', {})).toBeNull()
    expect(await client.call('undo.peek', {})).toBeNull()
  })

  it('refuses to undo an edit of someone anonymized since, so personal data never comes back', async () => {
    const { client, context } = await freshBackend()
    const [yamada] = await seed(client)
    await client.call('contacts.update', { id: yamada!.id, patch: { phone: '080-9999-0000' } })
    // What the privacy feature records when it anonymizes a person.
    context.handle.sqlite
      .prepare(
        `INSERT INTO audit_log (id, at, user_name, action, entity, entity_id) VALUES (?, ?, 'tester', 'anonymize', 'contact', ?)`,
      )
      .run('01890000-0000-7000-8000-00000000aaaa', new Date(Date.now() + 1000).toISOString(), yamada!.id)
    await expect(client.call('undo.last', {})).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('匿名化'),
    })
    expect((await client.call('contacts.get', { id: yamada!.id })).phone).toBe('080-9999-0000')
    // The refused step is gone; the next one (creating 阿部) is offered.
    expect(await client.call('undo.peek', {})).toMatchObject({ label: '阿部健さんの追加' })
  })

  it('bulk stage and tags are one undo step each; the tag pick-list filters', async () => {
    const { client } = await freshBackend()
    const created = await seed(client)
    const ids = created.map((c) => c.id)
    expect(await client.call('contacts.setStage', { ids, stage: 'tsunagaru', note: '講座修了' })).toEqual({ changed: 2 })
    const { tagId, added } = await client.call('tags.addToContacts', { ids: ids.slice(0, 2), name: '2024講座' })
    expect(added).toBe(2)
    expect(await client.call('tags.list', {})).toEqual([{ id: tagId, name: '2024講座', color: null, count: 2 }])
    const tagged = await client.call('contacts.list', { filter: { tags: { filterType: 'set', values: [tagId] } } })
    expect(names(tagged)).toEqual(['山田', '浜田'])
    expect(tagged.rows[0]!.tags).toEqual(['2024講座'])
    const untagged = await client.call('contacts.list', { filter: { tags: { filterType: 'set', values: [null] } } })
    expect(names(untagged)).toEqual(['阿部'])
    expect(await client.call('tags.removeFromContacts', { ids, tagId })).toEqual({ removed: 2 })

    await client.call('undo.last', {}) // the removal
    expect((await client.call('tags.list', {}))[0]!.count).toBe(2)
    await client.call('undo.last', {}) // the adding, and the new tag with it
    expect(await client.call('tags.list', {})).toEqual([])
    await client.call('undo.last', {}) // the stage
    expect(
      (await client.call('contacts.list', { sort: [{ colId: 'familyKana', sort: 'asc' }] })).rows.map((r) => r.stage),
    ).toEqual([
      'atatameru', // アベ
      'tsunagaru', // ハマダ
      'tsukamu', // ヤマダ
    ])
  })

  it('paste creates and updates all or nothing, as one undo step', async () => {
    const { client } = await freshBackend()
    const [yamada] = await seed(client)
    const result = await client.call('contacts.paste', {
      create: [
        { familyName: '佐藤', familyKana: 'さとう' },
        { familyName: '鈴木', phone: '０９０１１１１２２２２' },
      ],
      update: [{ id: yamada!.id, patch: { email: 'taro@example.jp' } }],
    })
    expect(result).toEqual({ created: 2, updated: 1 })
    expect((await client.call('contacts.list', {})).total).toBe(5)
    expect((await client.call('contacts.get', { id: yamada!.id })).email).toBe('taro@example.jp')
    await expect(
      client.call('contacts.paste', {
        create: [{ familyName: '失敗' }],
        update: [{ id: '01890000-0000-7000-8000-000000000000', patch: {} }],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await client.call('contacts.list', { search: '失敗' })).total).toBe(0)
    await client.call('undo.last', {})
    expect((await client.call('contacts.list', {})).total).toBe(3)
    expect((await client.call('contacts.get', { id: yamada!.id })).email).toBeNull()
  })

  it('exports the selection as CSV with BOM and as XLSX, phones and codes as text', async () => {
    const { client } = await freshBackend()
    const created = await seed(client)
    await client.call('contacts.update', { id: created[0]!.id, patch: { notes: '=HYPERLINK("x")', municipalityCode: '322024' } })
    const csv = await client.call('contacts.export', { ids: created.map((c) => c.id), format: 'csv' })
    const text = Buffer.from(csv.base64, 'base64').toString('utf8')
    expect(text.startsWith('\uFEFF姓,名,セイ')).toBe(true)
    expect(text).toContain('090-1234-5678')
    expect(text).toContain('浜田市,322024')
    expect(text).toContain(`"'=HYPERLINK(""x"")"`)
    expect(csv.fileName).toMatch(/^参加者_\d{8}_3人\.csv$/)
    const xlsx = await client.call('contacts.export', { ids: created.map((c) => c.id), format: 'xlsx' })
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('参加者')!
    expect(sheet.rowCount).toBe(4)
    const phones = [2, 3, 4].map((r) => sheet.getRow(r).getCell(6).value)
    expect(phones).toContain('090-1234-5678')
  })

  it('exports only the columns asked for, in the file’s own order, and says which in the audit log', async () => {
    const { client } = await freshBackend()
    const created = await seed(client)
    await client.call('contacts.update', { id: created[0]!.id, patch: { notes: '病院の付き添いが必要' } })
    const ids = created.map((c) => c.id)
    // Asked in another order and with a repeat: the file keeps its own order, each column once.
    const csv = await client.call('contacts.export', {
      ids,
      format: 'csv',
      columns: ['tags', 'familyName', 'givenName', 'familyName'],
    })
    const lines = Buffer.from(csv.base64, 'base64').toString('utf8').replace('\uFEFF', '').trim().split('\r\n')
    expect(lines[0]).toBe('姓,名,タグ')
    expect(lines).toHaveLength(4)
    for (const line of lines) expect(line.split(',')).toHaveLength(3)
    const text = lines.join('\n')
    expect(text).not.toContain('090-1234-5678')
    expect(text).not.toContain('病院')
    expect(text).not.toContain('@example')

    const xlsx = await client.call('contacts.export', { ids, format: 'xlsx', columns: ['familyKana', 'phone'] })
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('参加者')!
    expect(sheet.getRow(1).values).toEqual([undefined, 'セイ', '電話'])
    expect(sheet.columnCount).toBe(2)

    const exports = await client.call('audit.list', { entity: 'contact', action: 'export' })
    const columnsOf = exports.rows.map((a) => a.changes.find((c) => c.field === 'columns')?.after)
    expect(columnsOf.sort()).toEqual(['セイ、電話', '姓、名、タグ'])

    for (const columns of [[], ['password']]) {
      await expect(client.call('contacts.export', { ids, format: 'csv', columns: columns as never })).rejects.toMatchObject({
        code: 'INVALID_ARGS',
      })
    }
  })

  it('saved views are stored by name and overwritten by the same name', async () => {
    const { client } = await freshBackend()
    const state = {
      columns: [{ colId: 'familyName', width: 120, hide: false, sort: 'asc' as const }],
      filter: { stage: { filterType: 'set', values: ['tsunagaru'] } },
      search: '',
    }
    const saved = await client.call('views.save', { page: 'participants', name: '浜田市 講座修了者', state })
    await client.call('views.save', { page: 'participants', name: '浜田市 講座修了者', state: { ...state, search: 'はまだ' } })
    const views = await client.call('views.list', { page: 'participants' })
    expect(views).toHaveLength(1)
    expect(views[0]).toMatchObject({ id: saved.id, name: '浜田市 講座修了者', state: { ...state, search: 'はまだ' } })
    await expect(client.call('views.save', { page: 'participants', name: '  ', state })).rejects.toMatchObject({
      code: 'INVALID_ARGS',
    })
    expect(await client.call('views.delete', { id: saved.id })).toEqual({ deleted: 1 })
  })

  it('audit.list gives one person’s trail, newest first, with parsed changes; detail gathers the panel', async () => {
    const { client } = await freshBackend({ demo: true })
    const page = await client.call('contacts.list', { limit: 1 })
    const id = page.rows[0]!.id
    await client.call('contacts.update', { id, patch: { occupation: '会社員' } })
    await client.call('contacts.update', { id, patch: { occupation: '公務員' } })
    const trail = await client.call('audit.list', { entity: 'contact', entityId: id, limit: 10 })
    expect(trail.rows[0]).toMatchObject({
      action: 'update',
      changes: [{ field: 'occupation', before: '会社員', after: '公務員' }],
    })
    expect(trail.total).toBeGreaterThanOrEqual(2)
    const detail = await client.call('contacts.detail', { id })
    expect(detail.contact.occupation).toBe('公務員')
    expect(detail.stageHistory.length).toBeGreaterThan(0)
    expect(detail.visitCount).toBeGreaterThanOrEqual(detail.visits.length)
  })
})
