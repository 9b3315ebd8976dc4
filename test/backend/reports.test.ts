import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/contract/errors'
import { defaultReportRules } from '../../shared/domain/reports/types'
import * as repo from '../../electron/backend/db/repos/reportsRepo'
import { loadDataset } from './reports/dataset'
import type { Dataset } from './reports/dataset'
import { freshBackend, tempDir } from './tempDb'

const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`
const person = (n: number, extra: Partial<Dataset['contacts'][number]> = {}) => ({
  id: id(n),
  prefectureCode: '13',
  birthDate: null,
  birthYear: null,
  gender: null,
  roots: null,
  basis: null,
  deleted: false,
  ...extra,
})
const visit = (n: number, visitDate: string, mode: 'onsite' | 'online' = 'onsite') => ({
  contactId: id(n),
  programId: null,
  visitDate,
  mode,
  nights: 0,
})

describe('fiscal-year edges', () => {
  it('puts 3/31 in the old year and 4/1 in the new one, leap day included', async () => {
    const backend = await freshBackend()
    loadDataset(backend.context.handle.sqlite, {
      contacts: [person(1), person(2), person(3)],
      programs: [],
      sessions: [],
      visits: [visit(1, '2024-03-31'), visit(2, '2024-04-01'), visit(3, '2024-02-29'), visit(3, '2025-03-31')],
      stages: [],
      enrollments: [],
    })
    const fy2023 = await backend.client.call('reports.fiscalYear', { fiscalYear: 2023 })
    const fy2024 = await backend.client.call('reports.fiscalYear', { fiscalYear: 2024 })
    expect([fy2023.uniquePeople, fy2023.totalInvolvements]).toEqual([2, 2]) // 3/31 and 2/29
    expect(fy2023.byMonth['2024-03']).toBe(1)
    expect(fy2023.byMonth['2024-02']).toBe(1)
    expect([fy2024.uniquePeople, fy2024.totalInvolvements]).toEqual([2, 2]) // 4/1 and the next 3/31
    expect(fy2024.newPeople).toBe(1) // person 3 first came in FY2023
    expect(fy2024.returningPeople).toBe(1)
    expect(fy2024.period).toEqual({ start: '2024-04-01', end: '2025-03-31' })
  })

  it('counts 平成31年4月30日 and 令和元年5月1日 in the same 令和元年度', async () => {
    const backend = await freshBackend()
    loadDataset(backend.context.handle.sqlite, {
      contacts: [person(1), person(2)],
      programs: [],
      sessions: [],
      visits: [visit(1, '2019-04-30'), visit(2, '2019-05-01'), visit(2, '2019-03-31')],
      stages: [],
      enrollments: [],
    })
    const report = await backend.client.call('reports.fiscalYear', { fiscalYear: 2019 })
    expect(report.fiscalYearLabel).toBe('令和元年度（2019年度）')
    expect(report.uniquePeople).toBe(2)
    expect(report.byMonth['2019-04']).toBe(1)
    expect(report.byMonth['2019-05']).toBe(1)
    const h30 = await backend.client.call('reports.fiscalYear', { fiscalYear: 2018 })
    expect(h30.fiscalYearLabel).toBe('平成30年度（2018年度）')
    expect(h30.totalInvolvements).toBe(1)
  })
})

describe('what counts', () => {
  it('registration never counts, deleted people never count, anonymous headcounts stay separate', async () => {
    const backend = await freshBackend()
    const program = id(900)
    loadDataset(backend.context.handle.sqlite, {
      contacts: [person(1), person(2, { deleted: true }), person(3)],
      programs: [{ id: program, fiscalYear: 2024, fundingSource: 'mic_kankei' }],
      sessions: [
        // 2025-03-31 16:00 UTC is April 1 in Japan: next year's session.
        { id: id(800), programId: program, startsAt: '2025-03-31T16:00:00.000Z', anonymousHeadcount: 9, mode: 'onsite' },
        { id: id(801), programId: program, startsAt: '2024-06-01T01:00:00.000Z', anonymousHeadcount: 5, mode: 'hybrid' },
      ],
      visits: [
        { ...visit(1, '2024-06-01', 'online'), programId: program },
        { ...visit(2, '2024-06-01'), programId: program },
      ],
      stages: [{ contactId: id(1), stage: 'moved_in', changedOn: '2025-03-31', createdAt: '2026-01-01T00:00:00Z' }],
      enrollments: [
        { contactId: id(1), programId: program, status: 'completed' },
        { contactId: id(3), programId: program, status: 'applied' },
      ],
    })
    const report = await backend.client.call('reports.fiscalYear', { fiscalYear: 2024 })
    expect(report.uniquePeople).toBe(1)
    expect(report.totalInvolvements).toBe(1)
    expect(report.onlineInvolvements).toBe(1)
    expect(report.anonymousHeadcount).toBe(5)
    expect(report.movedIn).toBe(1)
    expect(report.programs).toHaveLength(1)
    expect(report.programs[0]).toMatchObject({ applicants: 2, confirmed: 1, completed: 1, uniquePeople: 1, totalInvolvements: 1 })
    expect(report.definitions.map((d) => d.term)).toContain('削除した人')
    // The program's row lists this year's session only: next year's belongs to next year's figures.
    expect(report.programs[0]!.sessions.map((s) => s.date)).toEqual(['2024-06-01'])
  })

  it('a program in the trash adds nothing: no anonymous headcount, nothing in its funding source’s report', async () => {
    const backend = await freshBackend()
    const program = id(900)
    loadDataset(backend.context.handle.sqlite, {
      contacts: [person(1)],
      programs: [{ id: program, fiscalYear: 2024, fundingSource: 'mic_kankei' }],
      sessions: [
        { id: id(801), programId: program, startsAt: '2024-06-01T01:00:00.000Z', anonymousHeadcount: 4, mode: 'onsite' },
      ],
      visits: [{ ...visit(1, '2024-06-01'), programId: program }],
      stages: [],
      enrollments: [],
    })
    await backend.client.call('programs.delete', { id: program })
    const report = await backend.client.call('reports.fiscalYear', { fiscalYear: 2024 })
    expect(report.anonymousHeadcount).toBe(0)
    expect(report.programs).toEqual([])
    const scoped = await backend.client.call('reports.fiscalYear', { fiscalYear: 2024, fundingSource: 'mic_kankei' })
    expect(scoped).toMatchObject({ uniquePeople: 0, totalInvolvements: 0, anonymousHeadcount: 0 })
  })
})

describe('段階の履歴', () => {
  it('takes changes made on one day in the order they were recorded, not by stage name', async () => {
    const backend = await freshBackend()
    const at = '2024-06-01T00:00:00.000Z'
    const stage = (n: number, stage: string, changedOn: string) => ({ contactId: id(n), stage, changedOn, createdAt: at })
    loadDataset(backend.context.handle.sqlite, {
      contacts: [person(1), person(2)],
      programs: [],
      sessions: [],
      visits: [visit(1, '2024-06-01'), visit(2, '2024-06-01')],
      // Person 1 went to うながす and, the same day, back to あたためる (recorded second);
      // by name, atatameru would sort first and unagasu would wrongly be the year-end stage.
      stages: [
        stage(1, 'tsukamu', '2023-05-01'),
        stage(1, 'unagasu', '2024-06-01'),
        stage(1, 'atatameru', '2024-06-01'),
        stage(2, 'atatameru', '2024-07-01'),
        stage(2, 'tsukamu', '2024-05-01'),
      ],
      enrollments: [],
    })
    const report = await backend.client.call('reports.fiscalYear', { fiscalYear: 2024 })
    expect(report.stagesAtYearEnd.atatameru).toBe(2)
    expect(report.stagesAtYearEnd.unagasu).toBe(0)
    const moves = Object.fromEntries(report.stageTransitions.map((t) => [`${t.from}>${t.to}`, t.count]))
    expect(moves).toEqual({ 'tsukamu>unagasu': 1, 'unagasu>atatameru': 1, 'null>tsukamu': 1, 'tsukamu>atatameru': 1 })
  })
})

describe('query plans', () => {
  it('subtracts deleted people found through their own index, not by rereading the year’s programs', async () => {
    const backend = await freshBackend()
    const { sqlite } = backend.context.handle
    const deletedQueries: string[] = []
    const prepare = sqlite.prepare.bind(sqlite)
    sqlite.prepare = ((sql: string) => {
      if (sql.includes('json_each(@deleted)')) deletedQueries.push(sql)
      return prepare(sql)
    }) as typeof sqlite.prepare
    const params: repo.ReportParams = {
      start: '2024-04-01',
      end: '2025-03-31',
      previousStart: '2023-04-01',
      previousEnd: '2024-03-31',
      windowStart: '2024-04-01',
      includeOnline: true,
      scope: { programIds: [], fundingSource: null },
      deletedIds: [id(1)],
    }
    repo.programsOfYear(sqlite, 2024, params)
    sqlite.prepare = prepare
    const plans = deletedQueries.map((sql) =>
      (prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ ...params, fiscalYear: 2024, deleted: '[]' }) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n'),
    )
    expect(plans).toHaveLength(2)
    expect(plans.find((p) => p.includes('enrollments'))).toContain('USING INDEX enrollments_contact')
    expect(plans.find((p) => p.includes(' v '))).toContain('USING INDEX visits_contact')
  })
})

describe('report rules (settings)', () => {
  it('are stored, change the figures and are printed; bad values get a Japanese message', async () => {
    const backend = await freshBackend()
    expect(await backend.client.call('reports.rules.get', {})).toEqual(defaultReportRules)
    loadDataset(backend.context.handle.sqlite, {
      contacts: [person(1)],
      programs: [],
      sessions: [],
      visits: [visit(1, '2024-05-01'), visit(1, '2024-06-01', 'online'), visit(1, '2024-07-01')],
      stages: [],
      enrollments: [],
    })
    expect((await backend.client.call('reports.fiscalYear', { fiscalYear: 2024 })).continuingPeople).toBe(1)
    const saved = await backend.client.call('reports.rules.set', {
      ...defaultReportRules,
      continuingIncludesOnline: false,
      movedInDefinition: '県外から転入した人',
      organizationName: '架空町関係人口協議会',
    })
    expect(saved.continuingIncludesOnline).toBe(false)
    const report = await backend.client.call('reports.fiscalYear', { fiscalYear: 2024 })
    expect(report.continuingPeople).toBe(0) // two onsite visits < 3
    expect(report.definitions.find((d) => d.term === '移住')?.text).toContain('県外から転入した人')
    const refused = await backend.client
      .call('reports.rules.set', { ...defaultReportRules, suppressionK: 0 })
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).message).toBe('1以上で指定してください')
  })
})

describe('kakehashi report (CLI)', () => {
  it('prints exact figures as JSON with the contract key names', () => {
    if (!fs.existsSync('out/main/cli.js'))
      throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).')
    const dir = tempDir()
    const db = path.join(dir, 'demo.db')
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/kakehashi.js', ...args], { encoding: 'utf8', timeout: 60_000 })
    expect(run('init', '--db', db, '--demo').status).toBe(0)
    const out = path.join(dir, 'r.json')
    const result = run('report', '--db', db, '--fy', '2024', '--out', out)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>
    for (const key of [
      'fiscalYear',
      'uniquePeople',
      'totalInvolvements',
      'newPeople',
      'continuingPeople',
      'returningPeople',
      'onsiteVisits',
      'onlineInvolvements',
      'totalNights',
      'movedIn',
      'anonymousHeadcount',
      'byPrefecture',
      'byArea',
      'byAgeBand',
      'byGender',
      'byMonth',
      'programs',
    ])
      expect(json, key).toHaveProperty(key)
    expect(json.fiscalYear).toBe(2024)
    expect(Object.keys(json.byArea as object)).toEqual(['東京圏', '名古屋圏', '大阪圏', 'その他', '不明'])
    // Read in order, the months follow the 年度 (4月 → 3月), in the file as in a parsed object.
    const fiscalOrder = ['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09'].concat([
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
    ])
    expect(Object.keys(json.byMonth as object)).toEqual(fiscalOrder)
    const text = fs.readFileSync(out, 'utf8')
    const positions = fiscalOrder.map((m) => text.indexOf(`"${m}":`))
    expect(positions.every((p, i) => p > 0 && (i === 0 || p > positions[i - 1]!))).toBe(true)
    // Exact numbers: small counts are not suppressed in JSON.
    expect(Object.values(json.byPrefecture as Record<string, number>).some((n) => n === 1 || n === 2)).toBe(true)

    const xlsx = path.join(dir, 'r.xlsx')
    expect(run('report', '--db', db, '--fy', '2024', '--format', 'xlsx', '--out', xlsx).status).toBe(0)
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK')
    const csvDir = path.join(dir, 'csv')
    const csv = run('report', '--db', db, '--fy', '2024', '--format', 'csv', '--encoding', 'shift_jis', '--out', csvDir, '--json')
    expect(csv.status).toBe(0)
    expect((JSON.parse(csv.stdout) as { files: string[] }).files.length).toBe(12)
    const form = path.join(dir, 'form.xlsx')
    expect(
      run('report', '--db', db, '--fy', '2024', '--template', 'resources/forms/様式第2号_実績報告書_記入例.xlsx', '--out', form)
        .status,
    ).toBe(0)
    expect(fs.existsSync(form)).toBe(true)

    const bad = run('report', '--db', db, '--fy', 'R6')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--fy')
  }, 60_000)
})
