import fs from 'node:fs'
import { UsageError } from '../output'

/**
 * A mapping file's {"header text": "field"} object. Refused in Japanese when it cannot be
 * read, is not such an object, or names none of the file's headers (every column would be
 * left out and every row be an error).
 */
export function readMappingFile(file: string, headers: readonly string[]): Record<string, unknown> {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    throw new UsageError(`対応付けファイルを開けません: ${file}`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new UsageError(`対応付けファイルをJSONとして読めません: ${file}（{"見出し": "項目名"} の形で書いてください）`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new UsageError(`対応付けファイルは {"見出し": "項目名"} の形のJSONにしてください: ${file}`)
  const byHeader = parsed as Record<string, unknown>
  if (!headers.some((h) => Object.hasOwn(byHeader, h)))
    throw new UsageError(
      `対応付けファイルの見出しがこのファイルにひとつもありません（このファイルの見出し: ${headers.filter((h) => h.trim() !== '').join('、')}）`,
    )
  return byHeader
}
