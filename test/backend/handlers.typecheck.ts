/**
 * Compile-time specification, checked by `tsc` in `npm test`: the handler table must cover
 * the contract exactly. If `Handlers` stopped requiring every method, the
 * `@ts-expect-error` lines below would be unused and the type check would fail.
 */
import type { Handlers } from '../../electron/backend/dispatch'
import { handlers } from '../../electron/backend/handlers/index'

const { 'app.info': _missing, ...withoutAppInfo } = handlers

// @ts-expect-error a handler table missing a contract method does not compile
export const incomplete: Handlers = withoutAppInfo

// @ts-expect-error a handler returning the wrong result type does not compile
export const wrongResult: Handlers = { ...handlers, 'stages.list': async () => 42 }

export const complete: Handlers = handlers
