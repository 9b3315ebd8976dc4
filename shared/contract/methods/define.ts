import type { z } from 'zod'
import '../zodLocale'

/**
 * A method is its argument schema (validated at the door) plus its result type (a phantom:
 * it exists only for the compiler, so the handler table and every client agree).
 */
export interface MethodDef<A extends z.ZodType, R> {
  args: A
  result: R
}

export function method<R>() {
  return <A extends z.ZodType>(args: A): MethodDef<A, R> => ({ args, result: undefined as R })
}
