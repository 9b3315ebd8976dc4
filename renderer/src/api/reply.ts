import type { BridgeReply as Reply } from '../../../shared/contract/bridge'
import { ApiError, isErrorCode } from '../../../shared/contract/errors'

/** The result of a reply (IPC or HTTP, the same shape), or the refusal thrown as an `ApiError`. */
export function unwrapReply(reply: unknown): unknown {
  if (isReply(reply)) {
    if (reply.ok) return reply.result
    const { code, message, details } = reply.error
    throw new ApiError({ code: isErrorCode(code) ? code : 'INTERNAL', message, details })
  }
  throw ApiError.from('INTERNAL')
}

function isReply(value: unknown): value is Reply {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  return value.ok === true ? 'result' in value : 'error' in value && typeof value.error === 'object'
}
