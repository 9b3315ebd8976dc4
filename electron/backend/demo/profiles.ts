/**
 * The personal attributes of a demo person that do not depend on what they later do:
 * age, gender, occupation, affiliation, ゆかり, how they first heard of the region, consent.
 * Affiliations are fictional (generic company and university names).
 */
import type { BasisCode, GenderCode, RootsCode } from '../../../shared/domain/vocabulary'
import { Weighted } from './random'
import type { Rng } from './random'

export const AGE_BANDS = Weighted.of<readonly [number, number]>([
  [[18, 19], 3],
  [[20, 29], 28],
  [[30, 39], 27],
  [[40, 49], 20],
  [[50, 59], 12],
  [[60, 69], 7],
  [[70, 74], 3],
])

export const GENDERS = Weighted.of<GenderCode | null>([
  ['female', 49],
  ['male', 44],
  ['no_answer', 2.5],
  ['other', 0.5],
  [null, 4],
])

export const ROOTS = Weighted.of<RootsCode | null>([
  ['none', 58],
  ['furusato_donor', 10],
  ['relatives', 8],
  ['born', 6],
  ['former_resident', 6],
  ['alumni', 4],
  [null, 8],
])

export const UNIVERSITIES = [
  'さくら未来大学',
  'あおば創生大学',
  'けやき国際大学',
  'かえで情報大学',
  'ひばり学芸大学',
  'しらさぎ総合大学',
]

export const COMPANIES = [
  '株式会社あおばシステムズ',
  '株式会社ミドリノ企画',
  '株式会社ソラノ商事',
  '合同会社ひだまりデザイン',
  '株式会社ハルカゼ製作所',
  '株式会社つばさソリューションズ',
  '株式会社ほしぞら出版',
  '株式会社かもめ物流',
  '株式会社こだま不動産',
  '株式会社いろは食品',
  '株式会社なないろ広告',
  '株式会社ことのはラボ',
  '有限会社まるやま印刷',
  '株式会社きらり保険サービス',
  '株式会社やまびこ建設',
  '株式会社しずく電機',
  '株式会社あけぼのフーズ',
  '株式会社みらいコンサルティング',
  '株式会社さざなみ旅行',
  '株式会社ゆずりは',
]

const WORKING_AGE = Weighted.of<string | null>([
  ['会社員', 45],
  ['公務員', 7],
  ['自営業', 6],
  ['フリーランス', 7],
  ['会社経営', 3],
  ['教員', 3],
  ['医療・福祉職', 5],
  ['NPO職員', 2.5],
  ['パート・アルバイト', 5],
  ['主婦・主夫', 3.5],
  ['エンジニア', 4],
  ['デザイナー', 2],
  [null, 7],
])
const SENIOR = Weighted.of<string | null>([
  ['退職者', 35],
  ['会社員', 18],
  ['自営業', 14],
  ['パート・アルバイト', 10],
  ['会社経営', 5],
  ['農業', 4],
  [null, 14],
])
const LOCAL = Weighted.of<string | null>([
  ['農林漁業', 18],
  ['自営業', 18],
  ['公務員', 14],
  ['会社員', 24],
  ['宿泊業', 6],
  ['NPO職員', 5],
  ['地域おこし協力隊', 5],
  [null, 10],
])

export function occupationFor(rng: Rng, age: number, local: boolean): string | null {
  if (age <= 22) return rng.chance(0.82) ? '大学生' : rng.chance(0.5) ? '専門学校生' : 'パート・アルバイト'
  if (age <= 25 && rng.chance(0.18)) return '大学院生'
  if (local && age < 65) return LOCAL.draw(rng)
  return age >= 62 ? SENIOR.draw(rng) : WORKING_AGE.draw(rng)
}

export function isStudent(occupation: string | null): boolean {
  return occupation !== null && occupation.endsWith('生')
}

export function affiliationFor(rng: Rng, occupation: string | null, municipalityName: string): string | null {
  if (occupation === '大学生' || occupation === '大学院生') return rng.pick(UNIVERSITIES)
  if (occupation === '会社員' || occupation === 'エンジニア' || occupation === 'デザイナー') {
    return rng.chance(0.55) ? rng.pick(COMPANIES) : null
  }
  if (occupation === '公務員')
    return rng.chance(0.6) ? `${municipalityName}${/[町村]$/.test(municipalityName) ? '役場' : '役所'}` : null
  return null
}

export function basisFor(rng: Rng, occupation: string | null): BasisCode | null {
  if (rng.chance(0.05)) return null
  const workish =
    occupation === 'フリーランス' || occupation === 'エンジニア' || occupation === 'デザイナー' || occupation === '会社経営'
  return rng.chance(workish ? 0.7 : occupation === '会社員' ? 0.4 : 0.2) ? 'work' : 'fan'
}

const CHANNELS = Weighted.of([
  ['SNS（Instagram）', 14],
  ['SNS（X）', 8],
  ['Facebook', 7],
  ['Webサイト', 10],
  ['知人の紹介', 16],
  ['移住フェア', 9],
  ['メールマガジン', 5],
  ['オンラインイベント', 8],
  ['新聞・雑誌', 3],
  ['ふるさと回帰支援センター', 4],
  ['副業マッチングサイト', 4],
  ['地元イベント', 4],
] as const)

export function firstContactFor(rng: Rng, roots: RootsCode | null, student: boolean, local: boolean): string | null {
  if (rng.chance(0.06)) return null
  if (roots === 'furusato_donor' && rng.chance(0.75)) return 'ふるさと納税'
  if (student && rng.chance(0.45)) return '大学の授業'
  if (local && rng.chance(0.5)) return '地元イベント'
  if ((roots === 'born' || roots === 'alumni') && rng.chance(0.35)) return '同窓会・地元のつながり'
  return CHANNELS.draw(rng)
}

const CONSENT_METHODS = ['Webフォーム', 'Webフォーム', 'Webフォーム', '紙の申込書', '紙の申込書', 'メール', '口頭（記録票あり）']

export function consentFor(rng: Rng): { method: string; purposes: string[] } | null {
  if (rng.chance(0.07)) return null
  const purposes = ['事業のご案内', '参加状況の記録']
  if (rng.chance(0.55)) purposes.push('統計・事業報告')
  if (rng.chance(0.3)) purposes.push('写真・記録の広報利用')
  if (rng.chance(0.25)) purposes.push('アンケート')
  return { method: rng.pick(CONSENT_METHODS), purposes }
}

const NOTES = [
  '平日夜のオンラインなら参加しやすいとのこと',
  '次回の講座の案内を希望',
  '地域の祭りの手伝いに関心あり',
  '副業として週1日程度関わりたい',
  '子ども連れで参加できる企画を希望',
  '空き家の活用に関心あり',
  '写真撮影が得意',
  '地元の食材を使った商品開発に関心',
  '農作業の経験あり',
  '将来的に二拠点生活を検討中',
  'メールより電話連絡を希望',
  '前回のアンケートで継続参加を希望と回答',
]

export function noteFor(rng: Rng, regionLabel: string | null): string | null {
  if (!rng.chance(0.08)) return null
  if (regionLabel && rng.chance(0.3)) return `${regionLabel}での活動に継続的に関わりたいとのこと`
  return rng.pick(NOTES)
}

const DOMAINS = Weighted.of([
  ['example.jp', 5],
  ['example.com', 3],
  ['example.ne.jp', 2],
] as const)

export function emailFor(rng: Rng, family: string, given: string, birthYear: number): string {
  const digits = String(rng.int(1, 99))
  const local = [
    `${given}.${family}`,
    `${family}.${given}${birthYear % 100}`,
    `${given[0]}${family}${digits}`,
    `${family}${given}${digits}`,
    `${given}_${family[0]}${rng.int(100, 999)}`,
  ][rng.int(0, 4)]
  return `${local}@${DOMAINS.draw(rng)}`
}

/** 0X0-00NN-NNNN: mobile-looking numbers in blocks that are not allocated to any carrier. */
export function phoneFor(rng: Rng): string {
  return `${rng.pick(['090', '080', '070'])}-00${String(rng.int(0, 99)).padStart(2, '0')}-${String(rng.int(0, 9999)).padStart(4, '0')}`
}
