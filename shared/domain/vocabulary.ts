/**
 * The closed vocabularies of the domain (see docs/GLOSSARY.md). Codes are stored in the
 * database and never change; the Japanese labels are what reports and forms print.
 * Stage labels are also stored in the database because coordinators may rename them.
 */
function vocabulary<const T extends Record<string, string>>(labels: T) {
  const codes = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]
  return { codes, labels }
}

/** 関係の段階: 三好市's four steps plus the end state 移住済. */
export const stages = vocabulary({
  tsukamu: 'つかむ',
  atatameru: 'あたためる',
  unagasu: 'うながす',
  tsunagaru: 'つながる',
  moved_in: '移住済',
})
export type StageCode = (typeof stages.codes)[number]

export const genders = vocabulary({
  female: '女性',
  male: '男性',
  other: 'その他',
  no_answer: '回答しない',
})
export type GenderCode = (typeof genders.codes)[number]

/** ゆかり: the person's tie to the region. */
export const roots = vocabulary({
  born: '出身',
  relatives: '親族が在住',
  alumni: '地元校の卒業生',
  former_resident: '元住民',
  furusato_donor: 'ふるさと納税寄附者',
  none: 'ゆかりなし',
})
export type RootsCode = (typeof roots.codes)[number]

export const bases = vocabulary({
  fan: 'ファンベース',
  work: '仕事ベース',
})
export type BasisCode = (typeof bases.codes)[number]

export const organizationKinds = vocabulary({
  local_partner: '地域の協力団体',
  host_business: '受入事業者',
  university: '大学・学校',
  company: '企業',
  npo: 'NPO・中間支援組織',
  government: '自治体',
  other: 'その他',
})
export type OrganizationKind = (typeof organizationKinds.codes)[number]

export const programCategories = vocabulary({
  course: '講座',
  study_tour: 'スタディツアー',
  internship: 'インターンシップ',
  event: 'イベント',
  online: 'オンライン',
  volunteer: 'ボランティア',
  side_job: '副業・兼業マッチング',
  working_holiday: 'ふるさとワーキングホリデー',
  other: 'その他',
})
export type ProgramCategory = (typeof programCategories.codes)[number]

export const fundingSources = vocabulary({
  cao_convection: '内閣府 関係人口創出・拡大のための対流促進事業',
  mic_kankei: '総務省 関係人口創出・拡大事業',
  regional_grant: '地方創生推進交付金',
  special_tax: '特別交付税',
  own_funds: '自主財源',
  other: 'その他',
})
export type FundingSource = (typeof fundingSources.codes)[number]

/** 総務省 model types (R元 categories; H30 patterns map onto them). */
export const micModelTypes = vocabulary({
  yukari: '関係深化型（ゆかり型）',
  furusato_nozei: '関係深化型（ふるさと納税型）',
  creation: '関係創出型',
  base_expansion: '裾野拡大型',
  base_expansion_foreign: '裾野拡大（外国人）型',
})
export type MicModelType = (typeof micModelTypes.codes)[number]

export const programStatuses = vocabulary({
  planned: '準備中',
  open: '募集・実施中',
  finished: '終了',
  cancelled: '中止',
})
export type ProgramStatus = (typeof programStatuses.codes)[number]

export const sessionModes = vocabulary({
  onsite: '現地',
  online: 'オンライン',
  hybrid: 'ハイブリッド',
})
export type SessionMode = (typeof sessionModes.codes)[number]

/** A visit is one person's involvement, so it is either onsite or online (hybrid is a session's mode). */
export const visitModes = vocabulary({
  onsite: '現地',
  online: 'オンライン',
})
export type VisitMode = (typeof visitModes.codes)[number]

/** Nights as stored: online involvement has no overnight stay (延べ宿泊数 counts onsite stays only). */
export const nightsFor = (mode: VisitMode, nights: number): number => (mode === 'online' ? 0 : nights)

/**
 * How a person at a session took part unless the roster says otherwise: online at an online
 * session; onsite at an onsite or hybrid one (the roster marks who joined a hybrid one online).
 * The roster's lines and its walk-ins start from this, so both sides must use this one rule.
 */
export const visitModeOfSession = (sessionMode: SessionMode): VisitMode => (sessionMode === 'online' ? 'online' : 'onsite')

export const enrollmentStatuses = vocabulary({
  applied: '応募',
  confirmed: '参加確定',
  completed: '修了',
  withdrawn: '辞退',
})
export type EnrollmentStatus = (typeof enrollmentStatuses.codes)[number]

export const enrollmentRoles = vocabulary({
  learner: '受講生',
  mentor: 'メンター',
  lecturer: '講師',
  volunteer: 'ボランティア',
  staff: 'スタッフ',
})
export type EnrollmentRole = (typeof enrollmentRoles.codes)[number]

/**
 * People present at a 開催回 but not recorded by name (a big event's count). Kept apart from
 * 延べ人数. One wording on ホーム, プログラム, レポート and in exported files: 「匿名」 is what
 * 匿名化 (erasing a person on request) means elsewhere in the app.
 */
export const ANONYMOUS_HEADCOUNT_LABEL = '人数のみの参加'

/**
 * What an audit-log line records (監査ログの操作). 'undo' is a change taken back with 元に戻す:
 * its before/after are the edit's after/before.
 */
export const auditActions = vocabulary({
  create: '登録',
  update: '変更',
  delete: '削除',
  restore: '復元',
  merge: '統合',
  import: '取り込み',
  export: '書き出し',
  anonymize: '匿名化',
  undo: '元に戻す',
})
export type AuditActionCode = (typeof auditActions.codes)[number]

/** What an audit-log line is about. */
export const auditEntities = vocabulary({
  contact: '参加者',
  program: 'プログラム',
  session: '開催回',
  enrollment: '申込',
  visit: '訪問・参加記録',
  tag: 'タグ',
  setting: '設定',
  view: '保存した表示',
  program_data: 'プログラムの個人データ',
  report_roster: '名簿付きのレポート',
  database: 'データベース全体',
})
