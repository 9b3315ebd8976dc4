/**
 * What the 「N未満」 and 「秘匿」 cells mean, said the same way on the workbook's cover and in the
 * PDF: a reader who meets 「秘匿」 must find why a count that is not small was hidden.
 */
export function suppressionNote(suppressionK: number | null): string {
  return suppressionK && suppressionK > 1
    ? `あり（1〜${suppressionK - 1}は「${suppressionK}未満」、逆算を防ぐ値は「秘匿」）`
    : 'なし（正確な値。内部資料として扱ってください）'
}
