/**
 * What the app's forms accept for programs, sessions and visits, in one place: the contract
 * (zod) and the import check the same numbers, so a list never stores what a form would
 * refuse (as contactTextLimits does for people). Text limits are in characters.
 */
export const programLimits = {
  name: 200,
  grantName: 200,
  coordinator: 100,
  description: 4000,
  /** People. */
  capacity: 100_000,
  /** Yen. */
  fee: 100_000_000,
} as const

export const sessionLimits = {
  place: 200,
  notes: 2000,
} as const

export const visitLimits = {
  purpose: 300,
  notes: 2000,
  nights: 365,
} as const

/** 年度 the app keeps: from 平成元年度 (no 関係人口 program is older). */
export const fiscalYearLimits = { min: 1989, max: 2200 } as const

/** The message for text over its limit, the same wherever it is checked. */
export const tooLongMessage = (label: string, limit: number, length: number) =>
  `${label}は${limit.toLocaleString()}文字以内にしてください（${length.toLocaleString()}文字あります）`
