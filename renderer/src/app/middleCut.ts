/** Characters of a long name always shown at its end: the extension and the words before it. */
export const keptEnd = 10

/**
 * A name split for cutting in the middle when it does not fit (CSS ellipsis on the start):
 * 令和7年度_関係人口…最終版_2.db rather than 令和7年度_関係人口創出拡大…, which would hide
 * the part that tells two copies of a file apart. Short names are not split. Counted in code
 * points, so a character outside the BMP (𠮷) is never cut in two.
 */
export function middleCut(name: string): { start: string; end: string } {
  const chars = Array.from(name)
  if (chars.length <= keptEnd * 2) return { start: name, end: '' }
  return { start: chars.slice(0, -keptEnd).join(''), end: chars.slice(-keptEnd).join('') }
}
