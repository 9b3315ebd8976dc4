import { ApiError } from '../../../shared/contract/errors'

/**
 * SQLite and file-system failures that are not damage, in the user's words: a read-only file
 * or folder, no permission, another program holding the database, a folder where the file
 * should be. Told apart from a damaged file, whose advice (restore a backup) would be wrong here.
 */
export function accessError(error: unknown, file?: string): ApiError | null {
  const code = String((error as { code?: unknown } | null)?.code ?? '')
  const details = { ...(file ? { file } : {}), cause: String(error) }
  if (/^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(code) || code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return ApiError.from(
      'DB_UNREADABLE',
      details,
      'データベースファイルに書き込めません（読み取り専用のファイルか、書き込む権限がありません）。ファイルの場所と権限を確認してください。',
    )
  if (/^SQLITE_(BUSY|LOCKED)/.test(code))
    return ApiError.from(
      'DB_UNREADABLE',
      details,
      'データベースは別のプログラムが使用中です。かけはしの他のウィンドウやコマンドを閉じてから、もう一度お試しください。',
    )
  if (code === 'EISDIR')
    return ApiError.from(
      'DB_UNREADABLE',
      details,
      'データベースとしてフォルダーが指定されています。データベースのファイルを指定してください。',
    )
  return null
}
