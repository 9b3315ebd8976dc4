/**
 * Every error the backend can answer with. The code is stable (the UI and tests switch on it);
 * the message is a Japanese sentence the UI can show as it is.
 */
export const errorCodes = {
  UNKNOWN_METHOD: '不明な操作です。アプリを最新の状態にしてください。',
  INVALID_ARGS: '入力内容に誤りがあります。',
  NOT_FOUND: '対象のデータが見つかりません。削除された可能性があります。',
  CONFLICT: '同じデータがすでに登録されています。',
  UNAUTHORIZED: 'このアプリからの接続として確認できませんでした。',
  DB_NEWER_VERSION: 'このデータベースは新しいバージョンのかけはしで作成されています。かけはしを更新してから開いてください。',
  DB_CORRUPT: 'データベースファイルが壊れているため開けません。バックアップから復元してください。',
  DB_UNREADABLE: 'データベースファイルを読み込めません。ファイルの場所と権限を確認してください。',
  MIGRATION_FAILED: 'データベースの更新に失敗しました。データは更新前の状態のままです。',
  DB_LOCKED: 'データベースは暗号化されています。パスフレーズを入力して開いてください。',
  WRONG_PASSPHRASE: 'パスフレーズが違います。ファイルは変更していません。',
  DB_BUSY: 'バックアップからの復元か、パスフレーズの変更を行っています。終わってからもう一度お試しください。',
  BACKUP_FAILED: 'バックアップを作成できませんでした。データは変更していません。',
  BACKUP_INVALID: 'このバックアップは壊れているか、かけはしのデータベースではないため復元できません。',
  IMPORT_UNREADABLE: 'ファイルを読み込めませんでした。データベースは変更していません。',
  JOB_CANCELLED: '処理を中止しました。',
  INTERNAL: '予期しないエラーが発生しました。操作は保存されていません。',
} as const

export type ErrorCode = keyof typeof errorCodes

/** One problem with one field of the arguments, e.g. `{ path: ['patch','email'], message: '…' }`. */
export interface FieldIssue {
  path: (string | number)[]
  message: string
}

/** The shape every refusal takes, whichever door it crossed (IPC, HTTP, in-process). */
export interface ApiErrorShape {
  code: ErrorCode
  message: string
  details?: { issues?: FieldIssue[]; [key: string]: unknown }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCodes, value)
}

/** Thrown by clients (renderer, CLI) so callers can `catch (e) { if (e instanceof ApiError) … }`. */
export class ApiError extends Error implements ApiErrorShape {
  readonly code: ErrorCode
  readonly details?: ApiErrorShape['details']
  constructor(shape: ApiErrorShape) {
    super(shape.message)
    this.name = 'ApiError'
    this.code = shape.code
    this.details = shape.details
  }
  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message, details: this.details }
  }
  static from(code: ErrorCode, details?: ApiErrorShape['details'], message?: string): ApiError {
    return new ApiError({ code, message: message ?? errorCodes[code], details })
  }
}
