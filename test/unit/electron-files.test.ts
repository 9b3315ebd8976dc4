import { describe, expect, it } from 'vitest'
import { fileKinds, isFileKind } from '../../shared/contract/bridge'
import { openFilters, safeFileName, saveFilters } from '../../electron/main/fileKinds'
import { FileTable, pickedFile } from '../../electron/main/fileTable'

describe('file dialogs', () => {
  it('accept only the fixed kinds', () => {
    expect(fileKinds).toEqual(['csv', 'xlsx', 'db', 'pdf', 'json', 'table'])
    expect(isFileKind('csv')).toBe(true)
    for (const bad of ['exe', '/etc/passwd', '', null, 1, { kind: 'csv' }]) expect(isFileKind(bad)).toBe(false)
  })

  it('offer each kind its own filter (and "all files" when opening)', () => {
    expect(saveFilters('xlsx')).toEqual([{ name: 'Excel ブック', extensions: ['xlsx'] }])
    expect(openFilters('csv')[0]).toEqual({ name: 'CSV ファイル', extensions: ['csv'] })
    expect(openFilters('csv')[1]?.extensions).toEqual(['*'])
    // A list to import: what Excel, Google Forms and text editors save.
    expect(openFilters('table')[0]?.extensions).toEqual(['csv', 'tsv', 'txt', 'xlsx', 'xlsm'])
  })

  it.each([
    ['参加者一覧.csv', 'csv', '参加者一覧.csv'],
    ['参加者一覧', 'csv', '参加者一覧.csv'],
    ['../../.ssh/authorized_keys', 'csv', 'authorized_keys.csv'],
    ['C:\\Windows\\System32\\evil.xlsx', 'xlsx', 'evil.xlsx'],
    ['a<b>:c"d|e?f*g', 'pdf', 'a_b__c_d_e_f_g.pdf'],
    ['', 'json', 'かけはし.json'],
    [42, 'db', 'かけはし.db'],
    ['...', 'csv', 'かけはし.csv'],
  ] as const)('turn the suggested name %j into a bare file name', (suggested, kind, expected) => {
    expect(safeFileName(suggested, kind)).toBe(expected)
  })

  it('cap very long names', () => {
    expect(safeFileName('あ'.repeat(500), 'csv')).toHaveLength(124)
  })
})

describe('the file table', () => {
  it('hands out random ids; the renderer learns the name, never the path', () => {
    const table = new FileTable()
    const a = table.grant('/home/a/Documents/参加者.csv', 'csv', 'read')
    const b = table.grant('/home/a/Documents/参加者.csv', 'csv', 'read')
    expect(a.fileId).toMatch(/^[0-9a-f-]{36}$/)
    expect(a.fileId).not.toBe(b.fileId)
    expect(table.get(a.fileId)).toEqual(a)
    expect(table.get('guessed')).toBeUndefined()
    expect(pickedFile(a)).toEqual({ fileId: a.fileId, name: '参加者.csv' })
    expect(table.all()).toHaveLength(2)
  })
})
