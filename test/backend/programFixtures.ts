import type { Client } from '../../shared/contract/client'
import type { ProgramCreateInput } from '../../shared/contract/programs'

/** A course program in FY2025 (fictional). */
export function courseProgram(overrides: Partial<ProgramCreateInput> = {}): ProgramCreateInput {
  return {
    name: 'しまコト講座2025',
    category: 'course',
    startDate: '2025-06-14',
    endDate: '2025-11-30',
    capacity: 15,
    fee: 40000,
    fundingSource: 'cao_convection',
    municipalityCodes: ['325252'],
    ...overrides,
  }
}

const given = ['一郎', '二郎', '三郎', '四郎', '五郎', '六郎', '七郎', '八郎', '九郎', '十郎']
const givenKana = [
  'イチロウ',
  'ジロウ',
  'サブロウ',
  'シロウ',
  'ゴロウ',
  'ロクロウ',
  'シチロウ',
  'ハチロウ',
  'クロウ',
  'ジュウロウ',
]

/** n fictional people (試験 一郎, 試験 二郎 …, then 試験二 一郎 …), each with a kana reading. */
export async function createPeople(client: Client, n: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const round = Math.floor(i / given.length)
    const c = await client.call('contacts.create', {
      fields: {
        familyName: round === 0 ? '試験' : `試験${round + 1}`,
        givenName: given[i % given.length],
        familyKana: 'シケン',
        givenKana: givenKana[i % given.length],
        stage: 'tsukamu',
      },
    })
    ids.push(c.id)
  }
  return ids
}
