import { ApiError } from '../../shared/contract/errors'
import { accessError } from '../backend/db/driverErrors'
import { CliFileError } from './fileErrors'

/** How a command speaks: human lines on stdout, or one JSON document with --json. */
export interface Output {
  json: boolean
  /** The command's result: printed as JSON, or as the human text given. */
  result(data: unknown, human: string): void
  info(line: string): void
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(data, human) {
      process.stdout.write(json ? JSON.stringify(data) + '\n' : human + '\n')
    },
    info(line) {
      if (!json) process.stdout.write(line + '\n')
    },
  }
}

/** Errors go to stderr in the user's language, with a non-zero exit code. */
export function reportError(error: unknown, json: boolean): number {
  const known = error instanceof ApiError ? error : error instanceof CliFileError ? null : accessError(error)
  const shape = known
    ? known.toJSON()
    : error instanceof CliFileError
      ? { code: error.code, message: error.message }
      : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }
  // The app's words ask to type the passphrase into its prompt; a command has no prompt.
  if (shape.code === 'DB_LOCKED') shape.message = lockedInCli
  // The Japanese reason a check gave (a backup that is missing, a folder, damaged) says what to fix.
  const problem = typeof known?.details?.problem === 'string' ? `（${known.details.problem}）` : ''
  process.stderr.write(json ? JSON.stringify({ ok: false, error: shape }) + '\n' : `エラー: ${shape.message}${problem}\n`)
  if (!(error instanceof ApiError) && !(error instanceof CliFileError) && process.env.KAKEHASHI_DEBUG) console.error(error)
  return error instanceof ApiError && error.code === 'INVALID_ARGS' ? 2 : 1
}

export class UsageError extends Error {}

const lockedInCli =
  'データベースは暗号化されています。環境変数 KAKEHASHI_PASSPHRASE にパスフレーズを入れて実行してください（引数では渡せません）。'
