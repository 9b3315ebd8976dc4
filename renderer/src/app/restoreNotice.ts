/**
 * What a restore from the recovery screen leaves for the user to read once the app is open
 * again: where the damaged file was kept. The screen changes the moment the restore succeeds
 * (and the app may be closed before anyone reads it), so it is kept in the window's storage
 * until dismissed. A path on this machine, no personal data.
 */
export interface RestoreNoticeData {
  at: string
  /** The backup's date or the chosen file's name. */
  source: string
  kept: string
  damaged: boolean
}

const storageKey = 'kakehashi.restoreNotice'

export function keepRestoreNotice(notice: RestoreNoticeData): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(notice))
  } catch {
    // storage refused (private window): the notice is then only what the screen showed
  }
}

export function readRestoreNotice(): RestoreNoticeData | null {
  try {
    const raw = localStorage.getItem(storageKey)
    const value = raw ? (JSON.parse(raw) as Partial<RestoreNoticeData>) : null
    return value && typeof value.kept === 'string' && typeof value.source === 'string' && typeof value.at === 'string'
      ? { at: value.at, source: value.source, kept: value.kept, damaged: value.damaged === true }
      : null
  } catch {
    return null
  }
}

export function dismissRestoreNotice(): void {
  try {
    localStorage.removeItem(storageKey)
  } catch {
    // nothing kept, nothing to remove
  }
}
