import fs from 'node:fs'
import iconv from 'iconv-lite'
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../electron/backend/backend'
import { openBackend } from '../../electron/backend/backend'
import { readWorkbook, allCells, breakdownBlocks } from './reports/xlsxRead'
import os from 'node:os'
import path from 'node:path'

/** One demo database for the whole file (read-mostly tests; the injection test adds its own rows). */
let backend: Backend
let dir: string
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakehashi-reports-'))
  backend = await openBackend({ file: path.join(dir, 'demo.db'), demo: true, userName: 'tester' })
  await backend.client.call('reports.rules.set', {
    continuingMinInvolvements: 3,
    continuingWindowMonths: 12,
    continuingIncludesOnline: true,
    movedInDefinition: '関係の段階が「移住済」に変わった人',
    suppressionK: 3,
    organizationName: '一般社団法人かけはし架空協議会',
  })
})
afterAll(async () => {
  await backend.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const FY = 2024
const sum = (xs: unknown[]) => xs.reduce<number>((s, x) => s + (x as number), 0)

describe('XLSX export', () => {
  it('has the cover, summary, breakdowns, per-program sheets and definitions; totals equal the sum of every breakdown', async () => {
    const report = await backend.client.call('reports.fiscalYear', { fiscalYear: FY })
    const { file } = await backend.client.call('reports.export', { fiscalYear: FY, format: 'xlsx', suppress: false })
    expect(file.fileName).toBe('関係人口実績_2024年度_一般社団法人かけはし架空協議会.xlsx')
    const wb = await readWorkbook(file)
    const names = wb.worksheets.map((w) => w.name)
    expect(names.slice(0, 6)).toEqual(['表紙', '概要', '内訳', '段階の変化', '事業一覧', '開催一覧'])
    expect(names).toContain('定義')
    expect(names.filter((n) => /^事業\d/.test(n))).toHaveLength(report.programs.length)
    expect(names.some((n) => n.includes('名簿'))).toBe(false) // the roster is off by default
    // 応募 and 参加確定 count otherwise than the program screen's status buckets: said in the
    // header and defined, so a figure copied into a form can be checked.
    const programHeader = (wb.getWorksheet('事業一覧')!.getSheetValues() as unknown[][]).flat()
    expect(programHeader).toEqual(expect.arrayContaining(['応募（辞退を含む）', '参加確定（修了を含む）']))
    const definitions = (wb.getWorksheet('定義')!.getSheetValues() as unknown[][]).flat().join(' ')
    expect(definitions).toContain('応募＝すべての申込（辞退した人を含む）')

    const cover = wb.getWorksheet('表紙')!
    const coverText = (cover.getSheetValues() as unknown[][]).flat().join(' ')
    expect(coverText).toContain('令和6年度（2024年度）')
    expect(coverText).toContain('一般社団法人かけはし架空協議会')
    expect(coverText).toContain('なし（正確な値')
    expect(cover.getCell('A1').font.name).toBe('游ゴシック')

    const blocks = breakdownBlocks(wb.getWorksheet('内訳')!)
    expect(blocks.map((b) => b.title)).toEqual([
      '地域別 実人数',
      '都道府県別 実人数',
      '年齢別 実人数',
      '性別 実人数',
      'ゆかり別 実人数',
      '関わりの型別 実人数',
      '月別 延べ人数',
      '年度末の段階（実人数）',
    ])
    for (const b of blocks) expect(sum(b.values), b.title).toBe(b.total)
    for (const b of blocks.slice(0, 6)) expect(b.total, b.title).toBe(report.uniquePeople)
    expect(blocks[6].total).toBe(report.totalInvolvements)
    expect(blocks[7].total).toBe(report.uniquePeople)

    // Codes stay text so 01 (北海道) keeps its zero.
    const prefectureCodes = allCells(wb).filter(([sheet, address]) => sheet === '内訳' && address.startsWith('A'))
    const hokkaido = prefectureCodes.find(([, , c]) => c.value === '01')
    if (report.byPrefecture['01']) expect(hokkaido?.[2].numFmt).toBe('@')

    const summary = wb.getWorksheet('概要')!
    const keyed = new Map((summary.getSheetValues() as unknown[][]).filter(Boolean).map((r) => [r[2], r[3]]))
    expect(keyed.get('uniquePeople')).toBe(report.uniquePeople)
    expect(keyed.get('totalInvolvements')).toBe(report.totalInvolvements)
    expect(keyed.get('anonymousHeadcount')).toBe(report.anonymousHeadcount)
    // Every figure says its unit: 人 for people and attendances alike, 泊 for nights.
    const units = new Map((summary.getSheetValues() as unknown[][]).filter(Boolean).map((r) => [r[2], r[4]]))
    expect(units.get('uniquePeople')).toBe('人')
    expect(units.get('totalInvolvements')).toBe('人')
    expect(units.get('totalNights')).toBe('泊')
    const inner = (wb.getWorksheet('内訳')!.getSheetValues() as unknown[][]).filter(Boolean)
    const monthTitle = inner.findIndex((r) => r[1] === '月別 延べ人数')
    expect(inner[monthTitle + 1]!.slice(1)).toEqual(['月', '人'])
  })

  it('with suppression (k=3) no count shows 1 or 2, and no hidden value can be worked back from a total', async () => {
    const { file } = await backend.client.call('reports.export', { fiscalYear: FY, format: 'xlsx' })
    const wb = await readWorkbook(file)
    // 開催回数 counts sessions, not people (開催一覧 lists every one): it is not suppressed.
    const sessionCounts = new Set<string>()
    for (const [sheet, , c] of allCells(wb).filter(([, , c]) => c.value === '開催回数')) {
      const ws = wb.getWorksheet(sheet)!
      if (Number(c.col) === 1) sessionCounts.add(`${sheet}!${ws.getCell(Number(c.row), 2).address}`)
      else ws.getColumn(Number(c.col)).eachCell((cell) => sessionCounts.add(`${sheet}!${cell.address}`))
    }
    expect(sessionCounts.size).toBeGreaterThan(2)
    const numbers = allCells(wb).filter(
      ([sheet, address, c]) => typeof c.value === 'number' && !sessionCounts.has(`${sheet}!${address}`),
    )
    expect(numbers.length).toBeGreaterThan(50)
    for (const [sheet, address, cell] of numbers) expect([1, 2], `${sheet}!${address}`).not.toContain(cell.value)
    const texts = allCells(wb).map(([, , c]) => c.value)
    expect(texts).toContain('3未満')
    expect((wb.getWorksheet('表紙')!.getSheetValues() as unknown[][]).flat().join(' ')).toContain('「3未満」')

    for (const b of breakdownBlocks(wb.getWorksheet('内訳')!)) {
      if (typeof b.total !== 'number') continue
      const hidden = b.values.filter((v) => typeof v === 'string')
      // One hidden cell in a line with a shown total could be subtracted out.
      expect(hidden.length === 0 || hidden.length >= 2, b.title).toBe(true)
      const shown = sum(b.values.filter((v) => typeof v === 'number'))
      const primaries = hidden.filter((v) => v === '3未満').length
      const secondaries = hidden.filter((v) => v === '秘匿').length
      if (hidden.length > 0) {
        const rest = b.total - shown
        // The hidden cells must admit more than one split: not all forced to their minimum or maximum.
        expect(rest > primaries * 1 || secondaries > 0, b.title).toBe(true)
        if (secondaries === 0) expect(rest < primaries * 2, b.title).toBe(true)
      }
    }
    // The on-screen report keeps exact numbers.
    const report = await backend.client.call('reports.fiscalYear', { fiscalYear: FY })
    expect(
      Object.values(report.byAgeBand).some((v) => v === 1 || v === 2) ||
        Object.values(report.byPrefecture).some((v) => v === 1 || v === 2),
    ).toBe(true)
  })

  it('neutralizes formulas in names: =HYPERLINK(…), +1, @SUM', async () => {
    const { sqlite } = backend.context.handle
    const now = new Date().toISOString()
    const programId = '01900000-0000-7000-8000-00000000f001'
    const contactId = '01900000-0000-7000-8000-00000000f002'
    sqlite
      .prepare(`INSERT INTO programs (id, name, fiscal_year, category, created_at, updated_at) VALUES (?, ?, ?, 'event', ?, ?)`)
      .run(programId, '=HYPERLINK("http://example.invalid/x","開く")', FY, now, now)
    sqlite
      .prepare(
        `INSERT INTO program_sessions (id, program_id, starts_at, place, mode, created_at, updated_at) VALUES (?, ?, ?, ?, 'onsite', ?, ?)`,
      )
      .run('01900000-0000-7000-8000-00000000f003', programId, '2024-06-01T01:00:00.000Z', '+1 会議室', now, now)
    sqlite
      .prepare(`INSERT INTO contacts (id, family_name, given_name, created_at, updated_at) VALUES (?, '@SUM(1+1)', '-2', ?, ?)`)
      .run(contactId, now, now)
    sqlite
      .prepare(
        `INSERT INTO visits (id, contact_id, program_id, visit_date, mode, created_at, updated_at) VALUES (?, ?, ?, '2024-06-01', 'onsite', ?, ?)`,
      )
      .run('01900000-0000-7000-8000-00000000f004', contactId, programId, now, now)
    try {
      const { file } = await backend.client.call('reports.export', { fiscalYear: FY, format: 'xlsx', includeRoster: true })
      const wb = await readWorkbook(file)
      const cells = allCells(wb)
      expect(cells.filter(([, , c]) => c.type === 6 /* Formula */ || typeof c.formula === 'string')).toEqual([])
      const strings = cells.map(([, , c]) => c.value).filter((v): v is string => typeof v === 'string')
      expect(strings.filter((s) => /^[=+\-@\t\r]/.test(s))).toEqual([])
      expect(strings).toContain(`'=HYPERLINK("http://example.invalid/x","開く")`)
      expect(strings).toContain(`'+1 会議室`)
      expect(strings).toContain(`'@SUM(1+1) -2`)
      const roster = wb.worksheets.find((w) => w.name.includes('名簿'))!
      expect(String(roster.getCell('A1').value)).toContain('個人情報')

      const csv = await backend.client.call('reports.export', { fiscalYear: FY, format: 'csv', csvTable: 'programs' })
      const text = Buffer.from(csv.file.base64, 'base64').toString('utf8')
      expect(text).toContain(`"'=HYPERLINK(""http://example.invalid/x"",""開く"")"`)
      for (const line of text.split('\r\n')) expect(line).not.toMatch(/^[=+\-@]/)
    } finally {
      sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(contactId)
      sqlite.prepare('DELETE FROM programs WHERE id = ?').run(programId)
    }
  })
})

describe('XLSX per-program sheets', () => {
  it('list each program’s own sessions, even when two programs share a name', async () => {
    const { freshBackend } = await import('./tempDb')
    const { client } = await freshBackend()
    const dates = [['2025-07-05'], ['2025-08-02', '2025-08-09']]
    for (const days of dates) {
      const program = await client.call('programs.create', {
        fields: { name: '現地ツアー', category: 'event', fiscalYear: 2025, municipalityCodes: [] },
      })
      for (const date of days)
        await client.call('sessions.create', { programId: program.id, fields: { date, startTime: '10:00', mode: 'onsite' } })
    }
    const { file } = await client.call('reports.export', { fiscalYear: 2025, format: 'xlsx', suppress: false })
    const wb = await readWorkbook(file)
    const sheets = wb.worksheets.filter((w) => /^事業\d/.test(w.name))
    expect(sheets).toHaveLength(2)
    const sessionDays = sheets.map((w) =>
      (w.getSheetValues() as unknown[][])
        .flat()
        .map(String)
        .filter((v) => dates.flat().includes(v))
        .sort(),
    )
    expect(sessionDays.sort((a, b) => a.length - b.length)).toEqual(dates)
  })
})

describe('CSV export', () => {
  it('writes UTF-8 with a BOM; breakdown rows sum to their total', async () => {
    const report = await backend.client.call('reports.fiscalYear', { fiscalYear: FY })
    const { file, unencodable } = await backend.client.call('reports.export', {
      fiscalYear: FY,
      format: 'csv',
      csvTable: 'byArea',
      suppress: false,
    })
    const bytes = Buffer.from(file.base64, 'base64')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(unencodable).toEqual([])
    const rows = bytes
      .toString('utf8')
      .slice(1)
      .trim()
      .split('\r\n')
      .map((l) => l.split(','))
    expect(rows[0]).toEqual(['地域', '人'])
    const total = rows.find((r) => r[0] === '合計')!
    expect(Number(total[1])).toBe(report.uniquePeople)
    expect(sum(rows.slice(1, -1).map((r) => Number(r[1])))).toBe(report.uniquePeople)
  })

  it('names what a narrowed report covers in its file name', async () => {
    const report = await backend.client.call('reports.fiscalYear', { fiscalYear: FY })
    const [first, second] = report.programs
    const fileOf = async (scope: { programIds?: string[]; fundingSource?: 'mic_kankei' }) =>
      (
        await backend.client.call('reports.export', {
          fiscalYear: FY,
          format: 'csv',
          csvTable: 'summary',
          suppress: true,
          ...scope,
        })
      ).file.fileName
    expect(await fileOf({})).toBe('関係人口実績_2024年度_一般社団法人かけはし架空協議会_概要.csv')
    expect(await fileOf({ programIds: [first!.id] })).toBe(
      `関係人口実績_2024年度_一般社団法人かけはし架空協議会_${first!.name.replace(/\s+/g, '_')}_概要.csv`,
    )
    expect(await fileOf({ programIds: [first!.id, second!.id] })).toBe(
      '関係人口実績_2024年度_一般社団法人かけはし架空協議会_2事業_概要.csv',
    )
    expect(await fileOf({ fundingSource: 'mic_kankei' })).toBe(
      '関係人口実績_2024年度_一般社団法人かけはし架空協議会_総務省_関係人口創出・拡大事業_概要.csv',
    )
  })

  it('names the organization in the file name, without the characters Windows refuses', async () => {
    const rules = await backend.client.call('reports.rules.get', {})
    await backend.client.call('reports.rules.set', { ...rules, organizationName: ' NPO法人 かけはし/架空:協議会? ' })
    try {
      const { file } = await backend.client.call('reports.export', { fiscalYear: FY, format: 'xlsx', suppress: true })
      expect(file.fileName).toBe('関係人口実績_2024年度_NPO法人_かけはし_架空_協議会.xlsx')
      await backend.client.call('reports.rules.set', { ...rules, organizationName: '' })
      const unnamed = await backend.client.call('reports.export', { fiscalYear: FY, format: 'pdf', suppress: true })
      expect(unnamed.file.fileName).toBe('関係人口実績_2024年度.pdf')
    } finally {
      await backend.client.call('reports.rules.set', rules)
    }
  }, 60_000)

  it('writes Shift_JIS and lists the characters it could not hold', async () => {
    const { sqlite } = backend.context.handle
    const now = new Date().toISOString()
    const id = '01900000-0000-7000-8000-00000000f101'
    sqlite
      .prepare(`INSERT INTO programs (id, name, fiscal_year, category, created_at, updated_at) VALUES (?, ?, ?, 'event', ?, ?)`)
      .run(id, '𠮷野家さんと①ワークショップ', FY, now, now)
    try {
      const { file, unencodable } = await backend.client.call('reports.export', {
        fiscalYear: FY,
        format: 'csv',
        csvTable: 'programs',
        csvEncoding: 'shift_jis',
      })
      expect(file.fileName).toMatch(/_SJIS\.csv$/)
      expect(unencodable).toEqual(['𠮷'])
      const text = iconv.decode(Buffer.from(file.base64, 'base64'), 'Shift_JIS')
      expect(text).toContain('?野家さんと①ワークショップ') // ① is in CP932 and survives
      expect(text.startsWith('事業名,')).toBe(true)
    } finally {
      sqlite.prepare('DELETE FROM programs WHERE id = ?').run(id)
    }
  })

  it('writes 〜 in Shift_JIS as Excel’s ～, not as 「?」 (年齢 「〜19」)', async () => {
    const { file, unencodable } = await backend.client.call('reports.export', {
      fiscalYear: FY,
      format: 'csv',
      csvTable: 'byAgeBand',
      csvEncoding: 'shift_jis',
    })
    expect(unencodable).toEqual([])
    const text = iconv.decode(Buffer.from(file.base64, 'base64'), 'cp932')
    expect(text).toContain('\r\n～19,')
    expect(text).not.toContain('?')
  })
})

describe('PDF export', () => {
  it('explains 「秘匿」 as the workbook’s cover does, not only 「3未満」', async () => {
    const { reportHtml } = await import('../../electron/backend/export/reportHtml')
    const report = await backend.client.call('reports.fiscalYear', { fiscalYear: FY })
    const html = reportHtml(report, 3)
    expect(html).toContain('1〜2は「3未満」、逆算を防ぐ値は「秘匿」')
    expect(reportHtml(report, null)).toContain('少数の秘匿なし（正確な値。内部資料として扱ってください）')
  })

  it('renders the same report through Chromium', async () => {
    const { file } = await backend.client.call('reports.export', { fiscalYear: FY, format: 'pdf' })
    const bytes = Buffer.from(file.base64, 'base64')
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.length).toBeGreaterThan(10_000)
  }, 60_000)
})
