import { describe, expect, it } from 'vitest'
import { freshBackend } from './tempDb'
import { readWorkbook } from './reports/xlsxRead'

const FY = 2024

/** Names in the roster sheet (personal data), below its title and header rows. */
async function rosterNames(file: { base64: string }): Promise<string[]> {
  const wb = await readWorkbook(file as never)
  const sheet = wb.worksheets.find((w) => w.name.includes('名簿'))!
  const names: string[] = []
  sheet.eachRow((row) => names.push(String(row.getCell(1).value)))
  return names.filter((n) => /^(公開|秘密) /.test(n))
}

describe('the report roster', () => {
  it('lists exactly the people the figures count: a program in the trash is out of a funding-source report', async () => {
    const { client } = await freshBackend()
    const program = (name: string) =>
      client.call('programs.create', { fields: { name, category: 'event', fiscalYear: FY, fundingSource: 'own_funds' } as never })
    const live = await program('公開講座')
    const trashed = await program('取りやめた講座')
    const shown = await client.call('contacts.create', { fields: { familyName: '公開', givenName: '太郎' } })
    const hidden = await client.call('contacts.create', { fields: { familyName: '秘密', givenName: '花子' } })
    const visit = (contactId: string, programId: string, visitDate: string) =>
      client.call('visits.create', { contactIds: [contactId], programId, fields: { visitDate, mode: 'onsite' } as never })
    await visit(shown.id, live.id, '2024-06-01')
    await visit(hidden.id, trashed.id, '2024-06-02')
    await client.call('programs.delete', { id: trashed.id })

    const scope = { fiscalYear: FY, fundingSource: 'own_funds' } as const
    const report = await client.call('reports.fiscalYear', scope as never)
    expect(report.uniquePeople).toBe(1)
    const { file } = await client.call('reports.export', { ...scope, format: 'xlsx', includeRoster: true } as never)
    expect(await rosterNames(file)).toEqual(['公開 太郎'])
  })
})
