import {
  bases,
  enrollmentStatuses,
  fundingSources,
  genders,
  programCategories,
  programStatuses,
  roots,
  visitModes,
} from '../../../shared/domain/vocabulary'
import { contactFieldLabels, contactFieldLabelsOf } from '../../../shared/domain/contactFieldLabels'
import { involvementText } from '../features/programs/text'
import { reportsText } from '../features/reports/text'
import { participantActionsText } from '../features/participants/text'
import { importText } from '../features/import/text'
import { safetyText } from '../features/settings/safetyText'
import { fileBackupText } from '../features/settings/fileBackupText'
import { privacyText } from '../features/privacy/text'
import { auditText } from '../features/audit/text'

/** Japanese, the app's first language. English (en.ts) must have the same keys. */
export const ja = {
  app: {
    name: 'かけはし',
    subtitle: '関係人口データベース',
    loading: '読み込んでいます…',
    demoBadge: 'デモデータ',
    demoHint: 'このデータベースは操作を試すためのデモデータです。',
    database: 'データベース',
  },
  nav: {
    label: 'メインメニュー',
    home: 'ホーム',
    participants: '参加者',
    programs: 'プログラム',
    visits: '訪問・参加記録',
    reports: 'レポート',
    import: 'インポート',
    settings: '設定',
    audit: '監査ログ',
  },
  language: {
    label: '表示言語',
    ja: '日本語',
    en: 'English',
  },
  common: {
    close: '閉じる',
    retry: '再読み込み',
    save: '保存',
    saving: '保存しています…',
    saved: '保存しました',
    loadFailed: 'データを読み込めませんでした',
    screenFailed: 'この画面を表示できませんでした。再読み込みしてください（保存済みのデータはそのままです）。',
    count: '{{count, number}}件',
    people: '{{count, number}}人',
    empty: '—',
  },
  participants: {
    title: '参加者',
    description: '地域に関わる人の名簿です。セルをダブルクリックすると編集できます。',
    searchLabel: '参加者を検索',
    searchPlaceholder: '氏名・フリガナ・メール・電話・所属で検索',
    clearSearch: '検索をクリア',
    count: '{{count, number}}人',
    countFiltered: '{{count, number}}人（絞り込み中）',
    clearFilters: '絞り込みを解除',
    emptyFiltered: '条件に一致する参加者はいません。',
    emptyAll: 'まだ参加者が登録されていません。',
    emptyAllHint: '1人ずつ追加するか、Excel や Google フォームの名簿をまとめて取り込めます。',
    emptyAdd: '参加者を追加',
    emptyImport: '名簿を取り込む',
    saveFailedTitle: '保存できませんでした',
    saveFailedField: '{{field}}：{{message}}',
    valueKept: '元の値に戻しました。',
    groups: {
      name: '氏名',
      kana: 'フリガナ',
      address: '住所',
      contact: '連絡先',
      profile: 'プロフィール',
      relation: '関わり',
    },
    // The fields' one Japanese name (shared with the export and the 開示 file).
    columns: {
      ...contactFieldLabelsOf('familyName', 'givenName', 'familyKana', 'givenKana'),
      prefecture: contactFieldLabels.prefectureCode,
      municipality: contactFieldLabels.municipalityCode,
      ...contactFieldLabelsOf('postalCode', 'email', 'phone'),
      birth: contactFieldLabels.birthDate,
      ...contactFieldLabelsOf('gender', 'roots', 'basis', 'stage', 'affiliation', 'occupation', 'notes', 'updatedAt'),
    },
    birthYearOnly: '{{year}}年',
  },
  programs: {
    title: 'プログラム',
    description: '講座・ツアー・インターンシップなど、地域との関わりをつくる取り組みの一覧です。',
    count: '{{count, number}}件',
    empty: 'プログラムはまだ登録されていません。',
    emptyHint: '講座・ツアー・インターンシップなどを登録すると、開催回・申込・出欠を管理できます。',
    emptyFiltered: '条件に一致するプログラムはありません。',
    columns: {
      name: 'プログラム名',
      fiscalYear: '年度',
      category: '区分',
      status: '状況',
      period: '期間',
      sessions: '開催回数',
      capacity: '定員',
      enrollment: '参加者数',
      funding: '財源',
    },
    sessionsValue: '{{count, number}}回',
    capacityValue: '{{count, number}}人',
  },
  visits: {
    title: '訪問・参加記録',
    description: '現地訪問とオンライン参加の記録です。実人数・延べ人数の集計のもとになります。',
    count: '{{count, number}}件',
    empty: '記録はまだありません。',
    emptyHint: 'プログラムの「出欠」タブで出席を保存すると、ここに並びます。プログラム以外の訪問は「訪問を記録」から。',
    emptyFiltered: '条件に一致する記録はありません。',
    emptyPrograms: 'プログラムへ',
    columns: {
      visitDate: '日付',
      contactName: '参加者',
      programName: 'プログラム',
      mode: '形態',
      municipality: '訪問先',
      nights: '泊数',
      purpose: '目的・内容',
      notes: 'メモ',
    },
    nightsValue: '{{count}}泊',
    dayTrip: '日帰り',
  },
  reports: {
    title: 'レポート',
    description:
      '交付金の実績報告や庁内説明に使う集計をここで作成できるようにする予定です。実人数と延べ人数を同じ記録から数えるので、合計と内訳が必ず一致します。',
    planned: '予定している機能',
    plannedItems: [
      '年度別の実人数・延べ人数（現地・オンライン別）',
      '年代別・地域別（東京圏・名古屋圏・大阪圏など）の内訳',
      '継続的に関わる人の数（回数・期間の基準は設定で変更可能）',
      '報告様式（Excel）への差し込み出力',
    ],
    currentCounts: '現在のデータ件数',
    counts: {
      contacts: '参加者',
      programs: 'プログラム',
      sessions: '開催回',
      visits: '訪問・参加記録',
    },
  },
  import: importText.ja,
  settings: {
    title: '設定',
    database: 'データベース',
    databaseName: 'ファイル名',
    schemaVersion: 'データ形式のバージョン',
    appVersion: 'アプリのバージョン',
    demo: '種類',
    demoYes: 'デモデータ',
    demoNo: '通常のデータ',
    stages: '関係の段階の名前',
    stagesDescription:
      '参加者の「段階」に表示する名前を、地域の呼び方に合わせて変更できます。変更はすべての参加者に反映されます。',
    stageCode: '段階 {{position}}',
    stageRequired: '名前を入力してください',
    stageTooLong: '20文字以内で入力してください',
    stageSaved: '「{{label}}」に変更しました',
  },
  grid: {
    clearFilter: '絞り込みを解除',
    blankOption: '（未入力）',
  },
  ...involvementText.ja,
  ...reportsText.ja,
  ...participantActionsText.ja,
  ...safetyText.ja,
  ...fileBackupText.ja,
  ...privacyText.ja,
  ...auditText.ja,
  vocab: {
    gender: genders.labels,
    roots: roots.labels,
    basis: bases.labels,
    programCategory: programCategories.labels,
    programStatus: programStatuses.labels,
    fundingSource: fundingSources.labels,
    visitMode: visitModes.labels,
    enrollmentStatus: enrollmentStatuses.labels,
  },
}

/** The shape every language must fill: the same keys, any strings. */
export type Messages = Widen<typeof ja>
type Widen<T> = T extends string ? string : T extends readonly string[] ? string[] : { [K in keyof T]: Widen<T[K]> }
