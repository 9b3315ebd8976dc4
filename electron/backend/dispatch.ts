import { ZodError } from 'zod'
import { accessError } from './db/driverErrors'
import { ApiError } from '../../shared/contract/errors'
import type { ApiErrorShape, FieldIssue } from '../../shared/contract/errors'
import { isMethodName, methods } from '../../shared/contract/methods'
import type { MethodName, ResultOf, ValidArgsOf } from '../../shared/contract/methods'
import type { BackendContext } from './context'
import { gateOf } from './jobs/writeGate'

/** Methods that never touch the database run even while a transaction job holds the gate. */
const passGate: ReadonlySet<string> = new Set(['job.cancel'])

export type Handler<M extends MethodName> = (args: ValidArgsOf<M>, ctx: BackendContext) => Promise<ResultOf<M>> | ResultOf<M>

/** One handler per contract method: a missing or misspelled one is a type error. */
export type Handlers = { [M in MethodName]: Handler<M> }

/** The handlers of one area's methods (shared/contract/methods/<area>.ts). */
export type AreaHandlers<Area> = Pick<Handlers, keyof Area & MethodName>

/** What crosses every door: serializable, so IPC and HTTP carry it unchanged. */
export type Reply = { ok: true; result: unknown } | { ok: false; error: ApiErrorShape }

export type Dispatch = (method: string, args: unknown) => Promise<Reply>

/**
 * The single entrance to the backend: refuses unknown methods, validates arguments with the
 * contract's schema (so nothing unvalidated reaches a handler or SQL), and turns every
 * failure into a typed error with a Japanese message.
 */
export function createDispatcher(handlers: Handlers, ctx: BackendContext): Dispatch {
  return async (method, rawArgs) => {
    if (!isMethodName(method)) {
      return refuse(ApiError.from('UNKNOWN_METHOD', { method: String(method).slice(0, 100) }))
    }
    const parsed = methods[method].args.safeParse(rawArgs ?? {})
    if (!parsed.success) return refuse(invalidArgs(parsed.error))
    try {
      const handler = handlers[method] as (args: unknown, ctx: BackendContext) => unknown
      const run = async () => handler(parsed.data, ctx)
      return { ok: true, result: await (passGate.has(method) ? run() : gateOf(ctx.handle).call(run)) }
    } catch (error) {
      return refuse(toApiError(error, method))
    }
  }
}

function refuse(error: ApiError): Reply {
  return { ok: false, error: error.toJSON() }
}

export function invalidArgs(error: ZodError): ApiError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: issue.message,
  }))
  const first = issues[0]
  const message = first && issues.length === 1 ? first.message : `入力内容に誤りがあります（${issues.length}件）。`
  return ApiError.from('INVALID_ARGS', { issues }, message)
}

function toApiError(error: unknown, method: string): ApiError {
  if (error instanceof ApiError) return error
  if (error instanceof ZodError) return invalidArgs(error)
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT_UNIQUE')) return ApiError.from('CONFLICT')
  if (typeof code === 'string' && (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')) return ApiError.from('DB_CORRUPT')
  const access = accessError(error)
  if (access) return access
  console.error(`[backend] ${method} failed`, error)
  return ApiError.from('INTERNAL')
}
