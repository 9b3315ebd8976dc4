/**
 * Tags, organizations (受入事業者, 中間支援組織, a university…) and their links to people.
 * All organization names are fictional.
 */
import type { OrganizationKind } from '../../../shared/domain/vocabulary'
import { asOfDay, dayOf, officeMs } from './calendar'
import type { PlannedEnrollment } from './enrollments'
import { demoUuidv7 } from './ids'
import type { Person } from './people'
import { municipalityNamed, regionByKey, regions } from './places'
import type { Rng } from './random'
import type { VisitBuffer } from './visitBuffer'

export interface Tag {
  id: string
  name: string
  color: string
  createdMs: number
}
export interface Organization {
  id: string
  name: string
  kind: OrganizationKind
  municipalityCode: string | null
  notes: string | null
  createdMs: number
}
export interface Link {
  person: number
  target: number
  role: string | null
  createdMs: number
}

const TAGS: readonly (readonly [string, string])[] = [
  ['メンター候補', '#2e7d32'],
  ['ふるさと納税', '#f9a825'],
  ['OB・OG', '#1565c0'],
  ['副業人材', '#6a1b9a'],
  ['移住検討中', '#c62828'],
  ['メルマガ希望', '#00838f'],
  ['学生', '#ef6c00'],
  ['ボランティア常連', '#5d4037'],
]

/** [name, kind, region key or prefecture/municipality, notes]. */
const ORGANIZATIONS: readonly (readonly [string, OrganizationKind, string | readonly [string, string] | null, string | null])[] =
  [
    ['合同会社うみやま商店', 'host_business', 'hamada', '水産加工。インターン受入'],
    ['一般社団法人はまだ暮らし研究所', 'npo', 'hamada', 'ローカルアカデミーの共催団体'],
    ['江津まちなか支援ネット', 'npo', 'gotsu', null],
    ['合同会社さとやま工房', 'host_business', 'tono', '副業人材の受入企業'],
    ['有限会社とびうお舎', 'host_business', 'awashimaura', '民宿・漁業。ワーキングホリデー受入'],
    ['丹波山 山しごと舎', 'host_business', 'tabayama', null],
    ['一般社団法人しまつなぎ', 'npo', 'okinoshima', '島の中間支援組織'],
    ['株式会社みかんの丘', 'host_business', 'suooshima', '収穫サポーター受入'],
    ['一般社団法人いやの里ネット', 'npo', 'miyoshi', null],
    ['石狩アグリ応援会', 'local_partner', 'ishikari', '収穫ツアーの受入農家の会'],
    ['合同会社まちのあきや社', 'host_business', 'ishinomaki', null],
    ['たっこ畑の会', 'local_partner', 'takko', null],
    ['五ヶ瀬ゆかりの会', 'local_partner', 'gokase', '町出身者のネットワーク'],
    ['株式会社みずのわ酒造', 'host_business', 'saijo', null],
    ['わっぱ工房 木の香', 'host_business', 'odate', null],
    ['さくら未来大学', 'university', ['東京都', '八王子市'], '地域連携の授業で学生が参加'],
    ['株式会社あおばシステムズ', 'company', ['東京都', '港区'], '社員の副業・プロボノを推奨'],
  ]

const TAG_EPOCH = officeMs(dayOf('2021-04-01'), 0.1)

export function buildTags(rng: Rng): Tag[] {
  return TAGS.map(([name, color], i) => {
    const createdMs = TAG_EPOCH + i * 60_000
    return { id: demoUuidv7(rng, createdMs), name, color, createdMs }
  })
}

export function buildOrganizations(rng: Rng): Organization[] {
  return ORGANIZATIONS.map(([name, kind, where, notes], i) => {
    const code =
      where === null
        ? null
        : typeof where === 'string'
          ? regionByKey(where).municipality.code
          : municipalityNamed(where[0], where[1]).code
    const createdMs = TAG_EPOCH + 86_400_000 + i * 120_000
    return { id: demoUuidv7(rng, createdMs), name, kind, municipalityCode: code, notes, createdMs }
  })
}

export function tagPeople(
  rng: Rng,
  people: Person[],
  visits: VisitBuffer,
  signals: { completedCourse: Set<number>; sideJob: Set<number>; volunteerSessions: Int32Array },
): Link[] {
  const standalone = new Int32Array(people.length)
  for (let i = 0; i < visits.length; i++) if (visits.session[i] < 0) standalone[visits.person[i]]++
  const links: Link[] = []
  const tag = (person: Person, target: number) => {
    const day = Math.min(person.regDay + rng.int(0, 60), asOfDay)
    links.push({ person: person.index, target, role: null, createdMs: Math.max(person.createdMs, officeMs(day, rng.next())) })
  }
  for (const p of people) {
    if (p.deletedDay >= 0) continue
    const later = p.stage === 'unagasu' || p.stage === 'tsunagaru'
    if (p.stage === 'tsunagaru' && (signals.completedCourse.has(p.index) || p.engagement >= 0.7) && rng.chance(0.6)) tag(p, 0)
    if (p.roots === 'furusato_donor' || (p.firstContact === 'ふるさと納税' && rng.chance(0.5))) tag(p, 1)
    if (signals.completedCourse.has(p.index)) tag(p, 2)
    if (p.basis === 'work' && (signals.sideJob.has(p.index) || (later && rng.chance(0.2)))) tag(p, 3)
    if (later && rng.chance(0.15)) tag(p, 4)
    if (p.email !== null && p.consentDate !== null && rng.chance(0.25)) tag(p, 5)
    if (p.student) tag(p, 6)
    if (standalone[p.index] >= 10 || signals.volunteerSessions[p.index] >= 2) tag(p, 7)
  }
  return links
}

export function linkOrganizations(rng: Rng, people: Person[], organizations: Organization[], staff: PlannedEnrollment[]): Link[] {
  const links: Link[] = []
  const seen = new Set<string>()
  const link = (person: Person, target: number, role: string) => {
    const key = `${person.index}:${target}`
    if (seen.has(key)) return
    seen.add(key)
    links.push({
      person: person.index,
      target,
      role,
      createdMs: Math.max(person.createdMs, organizations[target].createdMs) + rng.int(0, 86_400_000),
    })
  }
  // Locals who run or teach in programs belong to the region's organizations.
  for (const e of staff) {
    const person = people[e.person]
    if (person.localRegion < 0) continue
    const code = regions[person.localRegion].municipality.code
    const orgs = organizations.map((o, i) => ({ o, i })).filter(({ o }) => o.municipalityCode === code)
    if (orgs.length === 0) continue
    link(person, rng.pick(orgs).i, e.role === 'lecturer' ? rng.pick(['代表', '受入担当']) : rng.pick(['スタッフ', '事務局']))
  }
  // A few more locals as members; students and employees of the fictional university and company.
  const university = organizations.findIndex((o) => o.kind === 'university')
  const company = organizations.findIndex((o) => o.kind === 'company')
  for (const p of people) {
    if (p.deletedDay >= 0) continue
    if (p.localRegion >= 0 && rng.chance(0.08)) {
      const code = regions[p.localRegion].municipality.code
      const orgs = organizations.map((o, i) => ({ o, i })).filter(({ o }) => o.municipalityCode === code)
      if (orgs.length > 0) link(p, rng.pick(orgs).i, '会員')
    }
    if (p.affiliation === organizations[university].name) link(p, university, '学生')
    if (p.affiliation === organizations[company].name) link(p, company, '社員')
  }
  return links
}
