/**
 * The demo-data generator at any size: people, programs over FY2023–FY2025 (plus a few in
 * FY2026), enrollments, attendance, return visits, stages, tags and organizations, all
 * drawn from one seed. Same seed and sizes ⇒ the same database content, row for row.
 * Writes into an already migrated, empty database.
 */
import type { DbHandle } from '../db/connection'
import { simulateEnrollments } from './enrollments'
import { buildOrganizations, buildTags, linkOrganizations, tagPeople } from './extras'
import { chooseDeletions, chooseMoves } from './lifeEvents'
import { createPeople } from './people'
import { planPrograms } from './programPlan'
import { Rng } from './random'
import { addStandaloneVisits } from './standaloneVisits'
import { deriveStages } from './stages'
import { VisitBuffer } from './visitBuffer'
import { writeWorld } from './writer'

export interface GenerateOptions {
  contacts: number
  visits: number
  programs?: number
  seed?: number
  onProgress?: (done: number, total: number) => void
}

export interface GenerateResult {
  contacts: number
  programs: number
  sessions: number
  enrollments: number
  visits: number
  stageChanges: number
}

export const DEFAULT_SEED = 20260401

/** Program attendance may use at most this share of the visit budget; return visits make up the rest. */
const ATTENDANCE_SHARE = 0.7

export async function generateDataset(handle: DbHandle, options: GenerateOptions): Promise<GenerateResult> {
  const contactCount = Math.max(0, Math.floor(options.contacts))
  const visitTarget = Math.max(0, Math.floor(options.visits))
  const programCount = Math.max(0, Math.floor(options.programs ?? Math.max(12, Math.round(visitTarget / 340))))
  const root = new Rng(options.seed ?? DEFAULT_SEED)

  const people = createPeople(root.fork('people'), contactCount)
  const programs = contactCount > 0 ? planPrograms(root.fork('programs'), programCount) : []
  const visits = new VisitBuffer()
  const signals = simulateEnrollments(
    root.fork('enrollments'),
    people,
    programs,
    visits,
    Math.floor(visitTarget * ATTENDANCE_SHARE),
  )

  chooseDeletions(root.fork('deletions'), people, signals.enrollments)
  chooseMoves(root.fork('moves'), people, visits)
  addStandaloneVisits(root.fork('standalone'), people, visits, visitTarget - visits.length)
  const stages = deriveStages(root.fork('stages'), people, visits, signals.enrollments, programs)
  const extras = root.fork('extras')
  const tags = buildTags(extras)
  const organizations = buildOrganizations(extras)
  const tagLinks = tagPeople(extras, people, visits, signals)
  const roleHolders = signals.enrollments.filter((e) => e.role === 'staff' || e.role === 'lecturer')
  const organizationLinks = linkOrganizations(extras, people, organizations, roleHolders)

  const { sqlite } = handle
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number
  // Bulk-load settings, restored afterwards: a large page cache for the index builds, and no
  // per-row foreign key lookups (every reference here is an index into arrays built above,
  // so none can dangle; the tests run PRAGMA foreign_key_check on the result).
  sqlite.pragma('cache_size = -262144')
  sqlite.pragma('foreign_keys = OFF')
  // One checkpoint at the end instead of one after every batch (each would copy the same index pages again).
  const autoCheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number
  sqlite.pragma('wal_autocheckpoint = 0')
  try {
    await writeWorld(
      sqlite,
      { people, programs, enrollments: signals.enrollments, visits, stages, tags, tagLinks, organizations, organizationLinks },
      root.fork('ids'),
      options.onProgress,
    )
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${autoCheckpoint}`)
    if (!sqlite.inTransaction) sqlite.pragma('wal_checkpoint(TRUNCATE)')
    sqlite.pragma(`cache_size = ${cacheSize}`)
    sqlite.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`)
  }
  return {
    contacts: people.length,
    programs: programs.length,
    sessions: programs.reduce((n, p) => n + p.sessions.length, 0),
    enrollments: signals.enrollments.length,
    visits: visits.length,
    stageChanges: stages.length,
  }
}
