import { z } from 'zod'
import { bases, genders, roots, stages } from '../domain/vocabulary'
import type { BasisCode, GenderCode, RootsCode, StageCode } from '../domain/vocabulary'
import {
  contactTextLimits,
  normalizeEmail,
  normalizeMunicipalityCode,
  normalizePersonName,
  normalizePhone,
  normalizePostalCode,
  normalizePrefectureCode,
} from '../domain/contactFields'
import { normalizeKanaReading } from '../domain/kana'
import { parseBirthInput, parseDateInput } from '../domain/dates'
import { normalized, oneOf, text } from './schemaHelpers'

/** A person (参加者) as the backend returns it. Empty fields are null, never ''. */
export interface Contact {
  id: string
  familyName: string
  givenName: string
  familyKana: string | null
  givenKana: string | null
  email: string | null
  phone: string | null
  postalCode: string | null
  prefectureCode: string | null
  municipalityCode: string | null
  address: string | null
  birthDate: string | null
  birthYear: number | null
  gender: GenderCode | null
  occupation: string | null
  affiliation: string | null
  roots: RootsCode | null
  basis: BasisCode | null
  firstContact: string | null
  stage: StageCode
  consentDate: string | null
  consentMethod: string | null
  consentPurposes: string[]
  notes: string | null
  createdAt: string
  updatedAt: string
}

const requiredName = (what: string) =>
  normalized(normalizePersonName, contactTextLimits.familyName).refine((v) => v !== null, {
    message: `${what}を入力してください`,
  })

/**
 * What a user may change on a person, one schema per field so the grid can validate a single
 * cell with the same rules the backend applies. `birth` is the typed text (西暦 or 和暦, or a
 * year alone); the service stores it as birth date and/or birth year.
 */
export const contactFieldSchemas = {
  familyName: requiredName('姓'),
  givenName: normalized(normalizePersonName, contactTextLimits.givenName).transform((v) => v ?? ''),
  familyKana: normalized(normalizeKanaReading, contactTextLimits.familyKana),
  givenKana: normalized(normalizeKanaReading, contactTextLimits.givenKana),
  email: normalized(normalizeEmail, 254),
  phone: normalized(normalizePhone, 40),
  postalCode: normalized(normalizePostalCode, 20),
  prefectureCode: normalized(normalizePrefectureCode, 20),
  municipalityCode: normalized(normalizeMunicipalityCode, 20),
  address: text(contactTextLimits.address),
  birth: z
    .string()
    .max(40)
    .nullable()
    .transform((input, ctx) => {
      if (input === null || input.trim() === '') return { birthDate: null, birthYear: null }
      const parsed = parseBirthInput(input)
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message })
        return z.NEVER
      }
      return parsed.value
    }),
  gender: oneOf(genders.codes, '性別').nullable(),
  occupation: text(contactTextLimits.occupation),
  affiliation: text(contactTextLimits.affiliation),
  roots: oneOf(roots.codes, 'ゆかり').nullable(),
  basis: oneOf(bases.codes, '関わり方').nullable(),
  firstContact: text(contactTextLimits.firstContact),
  stage: oneOf(stages.codes, '関係の段階'),
  consentDate: normalized(parseDateInput, 40),
  consentMethod: text(100),
  consentPurposes: z.array(z.string().trim().min(1).max(100)).max(20),
  notes: text(contactTextLimits.notes),
} as const

export type ContactField = keyof typeof contactFieldSchemas
export const contactFields = Object.keys(contactFieldSchemas) as ContactField[]

export const contactPatch = z.object(contactFieldSchemas).partial().strict()
export type ContactPatchInput = z.input<typeof contactPatch>
export type ContactPatch = z.output<typeof contactPatch>

/** A new person needs at least a family name; everything else may come later. */
export const contactCreate = contactPatch.required({ familyName: true })
export type ContactCreateInput = z.input<typeof contactCreate>
