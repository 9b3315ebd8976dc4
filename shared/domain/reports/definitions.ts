import { ANONYMOUS_HEADCOUNT_LABEL } from '../vocabulary'
import { formatFiscalYear, fiscalYearRange } from '../dates'
import type { DefinitionLine, ReportRules, ReportScope } from './types'

/** The definitions printed with every report, on screen and in every export. */
export function reportDefinitions(
  fiscalYear: number,
  rules: ReportRules,
  scope: ReportScope,
  programNames: string[],
): DefinitionLine[] {
  const { start, end } = fiscalYearRange(fiscalYear)
  const window =
    rules.continuingWindowMonths === 12 ? 'その年度内' : `年度末（${end}）までの${rules.continuingWindowMonths}か月間`
  const scopeText =
    programNames.length > 0
      ? `選択した事業（${programNames.join('、')}）の参加記録のみ`
      : scope.fundingSource
        ? '選択した財源の事業の参加記録のみ'
        : 'すべての訪問・参加記録（事業に属さない訪問を含む）'
  return [
    { term: '対象期間', text: `${formatFiscalYear(fiscalYear)}：${start}〜${end}（年度は4月1日〜3月31日）` },
    { term: '対象範囲', text: scopeText },
    { term: '関わり', text: '訪問・参加記録1件（出席した回、または単独の訪問）。申込・参加登録だけでは数えない。' },
    { term: '実人数', text: '年度内に1件以上の関わりがある人の数（同じ人は1人と数える）。' },
    { term: '延べ人数', text: `年度内の関わりの件数。名前を記録しない参加（${ANONYMOUS_HEADCOUNT_LABEL}）は含めず、別に示す。` },
    { term: '新規', text: '初めての関わり（対象範囲内）が年度内にある人。' },
    {
      term: '継続',
      text: `${window}に${rules.continuingMinInvolvements}件以上の関わりがある人（オンラインを${rules.continuingIncludesOnline ? '含む' : '含まない'}）。年度内に関わりのある人のみ。`,
    },
    { term: 'リピーター', text: '年度内と前年度の両方に関わりがある人。' },
    {
      term: '応募・参加確定・修了',
      text: '事業ごとの申込の数。応募＝すべての申込（辞退した人を含む）、参加確定＝参加確定または修了の申込、修了＝修了の申込。事業の画面の「応募」「参加確定」は、いまその状態にある申込だけを数えるため、値が異なる。',
    },
    { term: '現地・オンライン', text: '各記録の参加形態で数える（ハイブリッド開催は参加者ごとの形態）。' },
    { term: '延べ宿泊数', text: '年度内の関わりに記録された宿泊数の合計（オンラインの関わりは宿泊なし）。' },
    {
      term: '移住',
      text: `${rules.movedInDefinition}。年度内にその変更が記録された人の数（その年度に関わりがなくても数える。事業を絞った場合は、年度末までにその事業に関わった人のみ）。`,
    },
    {
      term: '地域区分',
      text: '東京圏＝埼玉・千葉・東京・神奈川、名古屋圏＝岐阜・愛知・三重、大阪圏＝京都・大阪・兵庫・奈良。住所の都道府県で判定。',
    },
    { term: '年齢', text: `${start}時点の年齢。生年のみ分かる人は7月1日生まれとみなす。` },
    {
      term: '段階',
      text: '実人数に数えた人の年度末（3月31日）時点の段階。3月31日以前で最新の段階の履歴による（同じ日の変更は記録した順）。年度中の変化は、同じ人の年度内の各変更を直前の段階との組で数える。',
    },
    { term: '削除した人', text: '削除（ごみ箱）した人の記録は数えない。' },
    // A funder comparing this year's file with last year's must know why erasure requests did
    // not lower last year's figures (anonymizePerson keeps them), and why a full deletion did.
    {
      term: '匿名化した人',
      text: '本人の求めなどで匿名化した人も数える（氏名・連絡先は消すが、関わりの記録と都道府県・年齢の区分・性別などは残す）。完全に削除した人は、過去の年度も含めて数えない。',
    },
    {
      term: '削除した事業',
      text: `削除（ごみ箱）した事業は事業一覧に載せず、${ANONYMOUS_HEADCOUNT_LABEL}と財源別の集計にも含めない。参加した人の関わりは数える。`,
    },
    {
      term: '少数の秘匿',
      text: `出力するファイルでは1〜${rules.suppressionK - 1}の値を「${rules.suppressionK}未満」と表示し、合計や他の表（地域と都道府県、事業と各回）から逆算できないよう他の値も「秘匿」とする。開催回数は人数ではないため秘匿しない（画面では正確な値を表示）。`,
    },
  ]
}
