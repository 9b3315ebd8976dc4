/**
 * Which automatic backups to keep: grandfather-father-son rotation (7 daily, 4 weekly,
 * 12 monthly: the newest backup of each of the last 7 days, 4 ISO weeks and 12 months that
 * have one), plus the newest few of the last 24 hours, so the backup taken before this
 * morning's bulk delete is not replaced by the one taken before this afternoon's import.
 * Pure: the caller lists and deletes files.
 */
export interface RotationPolicy {
  daily: number
  weekly: number
  monthly: number
  /** Backups younger than a day kept regardless, newest first, at most this many. */
  recent: number
}

export const defaultRotation: RotationPolicy = { daily: 7, weekly: 4, monthly: 12, recent: 10 }

export interface Dated {
  id: string
  createdAt: string
}

export function backupsToKeep<T extends Dated>(
  backups: readonly T[],
  now: Date,
  policy: RotationPolicy = defaultRotation,
): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const keep = new Set<string>()
  const dayAgo = now.getTime() - 24 * 3600 * 1000
  newestFirst
    .filter((b) => Date.parse(b.createdAt) >= dayAgo)
    .slice(0, policy.recent)
    .forEach((b) => keep.add(b.id))
  const bucket = (limit: number, keyOf: (d: Date) => string) => {
    const seen = new Set<string>()
    for (const b of newestFirst) {
      const key = keyOf(new Date(b.createdAt))
      if (seen.has(key)) continue
      if (seen.size >= limit) break
      seen.add(key)
      keep.add(b.id)
    }
  }
  bucket(policy.daily, localDay)
  bucket(policy.weekly, isoWeek)
  bucket(policy.monthly, (d) => localDay(d).slice(0, 7))
  return keep
}

/** YYYY-MM-DD in local time: "a day" is the coordinator's day, not UTC's. */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()))
  const day = t.getUTCDay() || 7
  t.setUTCDate(t.getUTCDate() + 4 - day)
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7)
  return `${t.getUTCFullYear()}-W${week}`
}
