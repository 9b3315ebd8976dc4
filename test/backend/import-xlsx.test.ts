import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readXlsx } from '../../electron/backend/import/xlsx'

/** A one-sheet workbook as Excel saves it: the given cells with their number formats. */
async function workbook(cells: { value: ExcelJS.CellValue; numFmt?: string }[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('日程')
  sheet.addRow(['日付', '時間', '終了'])
  const row = sheet.addRow(cells.map((c) => c.value))
  cells.forEach((c, i) => {
    if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt
  })
  return new Uint8Array(await book.xlsx.writeBuffer())
}

describe('reading .xlsx cells', () => {
  it('a date cell reads as its day, a time-formatted cell as its time (not 1899-12-30)', async () => {
    const bytes = await workbook([
      { value: new Date(Date.UTC(2024, 5, 8)), numFmt: 'yyyy/m/d' },
      { value: 13 / 24, numFmt: 'h:mm' },
      { value: (15 * 3600 + 30 * 60 + 15) / 86400, numFmt: 'h:mm:ss' },
    ])
    const table = await readXlsx(bytes)
    expect(table.rows[1]).toEqual(['2024-06-08', '13:00', '15:30:15'])
  })
})

describe('reading an .xlsx laid out like a paper form', () => {
  /** A hidden list sheet first (a dropdown's values), then the form: a merged title over the table. */
  async function formWorkbook(): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook()
    const lists = book.addWorksheet('リスト')
    lists.addRow(['男性'])
    lists.addRow(['女性'])
    lists.state = 'hidden'
    const sheet = book.addWorksheet('名簿')
    sheet.addRow(['浜田市 関係人口 参加者名簿'])
    sheet.mergeCells('A1:E1')
    sheet.addRow([])
    sheet.addRow(['氏名', 'フリガナ', '電話番号', 'メールアドレス', '参加日'])
    sheet.addRow(['浜田 一郎', 'ハマダ イチロウ', '090-1111-2222', 'ichiro@example.jp', '2024/6/8'])
    sheet.addRow(['江津 花子', 'ゴウツ ハナコ', '090-3333-4444', 'hanako@example.jp', ''])
    // One day's sign-ins share a date cell merged down the column.
    sheet.mergeCells('E4:E5')
    return new Uint8Array(await book.xlsx.writeBuffer())
  }

  it('opens the first visible sheet, keeps a merged title in its first cell only, and a merged date on each row', async () => {
    const table = await readXlsx(await formWorkbook())
    expect(table.sheet).toBe('名簿')
    expect(table.sheets).toEqual(['リスト', '名簿'])
    expect(table.rows[0]).toEqual(['浜田市 関係人口 参加者名簿', '', '', '', ''])
    expect(table.rows[3]![4]).toBe('2024/6/8')
    expect(table.rows[4]![4]).toBe('2024/6/8')
  })

  it('a 氏名 header merged over the 姓 and 名 columns keeps both halves of the name', async () => {
    const { freshBackend } = await import('./tempDb')
    const { client } = await freshBackend()
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('名簿')
    sheet.addRow(['氏名', '', 'メールアドレス'])
    sheet.mergeCells('A1:B1')
    sheet.addRow(['浜田', '一郎', 'ichiro@example.jp'])
    sheet.addRow(['江津', '花子', 'hanako@example.jp'])
    const base64 = Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
    const preview = await client.call('import.preview', { source: { fileName: 'merged.xlsx', base64 } })
    expect(preview.mapping).toEqual(['familyName', 'givenName', 'email'])
    await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'skip' })
    const page = await client.call('contacts.list', { search: 'ichiro@example.jp' })
    expect(page.rows[0]).toMatchObject({ familyName: '浜田', givenName: '一郎' })
  })

  it('the import finds the real header under the title and maps its columns', async () => {
    const { freshBackend } = await import('./tempDb')
    const { client } = await freshBackend()
    const bytes = await formWorkbook()
    const preview = await client.call('import.preview', {
      source: { fileName: 'form.xlsx', base64: Buffer.from(bytes).toString('base64') },
    })
    expect(preview.headerRow).toBe(2)
    // 参加日 is no field of a person: the contacts import leaves it out.
    expect(preview.mapping).toEqual(['fullName', 'fullKana', 'phone', 'email', 'ignore'])
    expect(preview.counts).toMatchObject({ rows: 2, ok: 2 })
  })
})
