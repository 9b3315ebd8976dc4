import { z } from 'zod'
import { fiscalYearLimits } from '../domain/recordLimits'
import type { Parsed } from '../domain/result'

/** Ids are UUIDv7 strings; checking the shape keeps junk out of SQL parameters and logs. */
export const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'IDの形式が正しくありません')
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD の形式で指定してください')
export const fiscalYear = z.number().int().min(fiscalYearLimits.min).max(fiscalYearLimits.max)

/**
 * A free-text field typed by a user: trimmed, length-capped, '' means "clear" and becomes null.
 * The cap keeps one runaway paste from bloating the database.
 */
export function text(max = 1000) {
  return z
    .string()
    .max(max, `${max}文字以内で入力してください`)
    .nullable()
    .transform((s) => (s === null || s.trim() === '' ? null : s.trim()))
}

/**
 * A field whose input goes through a domain normalizer (email, phone, kana…): its Japanese
 * message becomes the field-level issue, and the normalized value is what gets stored.
 */
export function normalized(fn: (input: string) => Parsed<string>, max = 300) {
  return z
    .string()
    .max(max, `${max}文字以内で入力してください`)
    .nullable()
    .transform((input, ctx): string | null => {
      if (input === null) return null
      const parsed = fn(input)
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message })
        return z.NEVER
      }
      return parsed.value === '' ? null : parsed.value
    })
}

/** A closed vocabulary (see shared/domain/vocabulary.ts) with a Japanese message. */
export function oneOf<const T extends readonly [string, ...string[]]>(codes: T, what: string) {
  return z.enum(codes, { message: `${what}の値が正しくありません` })
}
