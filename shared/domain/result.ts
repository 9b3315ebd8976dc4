/**
 * The outcome of interpreting something a person typed.
 *
 * Input forms show `message` right next to the field, so it is a short, natural
 * Japanese sentence written for the coordinator, never an error code.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value }
}

/** `Parsed<never>` is assignable to every `Parsed<T>`, so one helper serves all parsers. */
export function fail(message: string): Parsed<never> {
  return { ok: false, message }
}
