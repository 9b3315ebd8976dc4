/**
 * How long the app and the browser door let the first screen load before the day's backup
 * starts. Started with the window, the backup (a copy, then a full read to verify it) shared
 * the disk and a slow laptop's two cores with the first screen: on 100k people and 1M visits
 * the participants page's first rows came 170 ms later (median), up to 700 ms on the first
 * loads. Fifteen seconds is long after any screen has loaded, and short enough that a day's
 * session almost always gets its backup; a close before then leaves it to the next open.
 */
export const DAILY_BACKUP_DELAY_MS = 15_000
