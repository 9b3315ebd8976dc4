/** Options of the backup, restore and anonymize commands (spread into run.ts's parseArgs). */
export const safetyCliOptions = {
  from: { type: 'string' },
  person: { type: 'string' },
  /** restore: keep the people erased after the copy was made as the copy has them. */
  'bring-back-erased': { type: 'boolean', default: false },
} as const

/**
 * The passphrase of an encrypted database comes from the environment, never from an
 * argument: arguments are visible to every user of the machine in the process list.
 */
export function passphraseFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.KAKEHASHI_PASSPHRASE || undefined
}
