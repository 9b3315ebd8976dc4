import type { Database as Sqlite } from 'better-sqlite3'
import { ApiError } from '../../../shared/contract/errors'
import type { ImportCommitResult } from '../../../shared/contract/imports'
import type { ImportKindCounts } from '../../../shared/contract/importKinds'
import { contactSearchKey } from '../../../shared/domain/contactSearch'
import { defaultAction, personMatch } from '../../../shared/domain/import/dedupe'
import { mergeChanges, mergedValues } from '../../../shared/domain/import/mergeDraft'
import { storedPersonValues } from '../../../shared/domain/import/personRow'
import type { PersonDraft } from '../../../shared/domain/import/personRow'
import { nightsFor } from '../../../shared/domain/vocabulary'
import { bulkId } from '../db/bulkIds'
import { batchItemWriter, insertBatch } from '../db/repos/importRepo'
import { kindWriters, setBatchCounts } from '../db/repos/importKindsRepo'
import type { KindWriters, StoredPerson } from '../db/repos/importKindsRepo'
import type { CommitOptions } from './contactsCommit'
import type { VisitsPreview } from './kindsPreview'

/** Rows written between two yields to the job runner. */
export const YIELD_EVERY = 500

export const emptyKindCounts = (): ImportKindCounts => ({
  visitsCreated: 0,
  alreadyAttended: 0,
  programsCreated: 0,
  sessionsCreated: 0,
  sessionsExisting: 0,
  sessionsRepeated: 0,
})

const searchKeyOf = (p: PersonDraft) => contactSearchKey({ ...p, familyName: p.familyName ?? '', givenName: p.givenName ?? '' })

/** A new person, recorded in the batch so undo removes them (and, by cascade, their visits). */
export function createPerson(
  w: KindWriters,
  item: ReturnType<typeof batchItemWriter>,
  draft: PersonDraft,
  ctx: WriteCtx,
): string {
  const id = bulkId()
  w.insertPerson.run(id, ...storedPersonValues(draft), searchKeyOf(draft), ctx.now, ctx.now)
  w.stage.run(bulkId(), id, ctx.now.slice(0, 10), ctx.now)
  w.audit(ctx.now, ctx.userName, 'import', 'contact', id, null, ctx.batchId)
  item(ctx.batchId, 'contact', id, 'created', null, null)
  return id
}

/**
 * Fills a matched person's blanks from the row (and replaces the fields chosen), recording the
 * values it overwrote exactly as the contacts import does, so its undo reverts them.
 */
function mergePerson(
  w: KindWriters,
  item: ReturnType<typeof batchItemWriter>,
  targetId: string,
  draft: PersonDraft,
  takeFromFile: readonly (keyof PersonDraft)[],
  line: number,
  ctx: WriteCtx,
): boolean {
  const existing = w.selectPerson.get(targetId) as StoredPerson | undefined
  if (!existing) throw ApiError.from('NOT_FOUND', { id: targetId }, `${line}行目の統合先が見つかりません。`)
  const { before, after, updated: merged } = mergedValues(existing, draft, takeFromFile)
  if (Object.keys(after).length === 0) return false
  const searchKey = searchKeyOf(merged)
  w.updatePerson(targetId, after, searchKey === searchKeyOf(existing) ? null : searchKey, ctx.now)
  item(ctx.batchId, 'contact', targetId, 'merged', before, after)
  w.audit(ctx.now, ctx.userName, 'merge', 'contact', targetId, mergeChanges(before, after), ctx.batchId)
  return true
}

export interface WriteCtx {
  batchId: string
  now: string
  userName: string
}

/**
 * Writes a visits import (a generator run by runTransactionJob inside ONE transaction).
 * Each row's person: with a proposed match and no decision of its own, `onDuplicate` says what
 * happens to the person record — 'skip' leaves it as it is and only adds the visit, 'merge'
 * also fills its blanks, 'new' registers a new person; a row's own 'skip' leaves the row out.
 * A new person met again later in the file is the same person (created once). Then the visit:
 * attendance of a session (once per person and session), or a visit on its own.
 */
export function* commitVisitsPreview(
  sqlite: Sqlite,
  preview: VisitsPreview,
  options: CommitOptions,
): Generator<number, ImportCommitResult, void> {
  const now = options.now ?? new Date().toISOString()
  const ctx: WriteCtx = { batchId: bulkId(), now, userName: options.userName }
  const w = kindWriters(sqlite)
  const item = batchItemWriter(sqlite)
  const kindCounts = emptyKindCounts()
  const result = { batchId: ctx.batchId, created: 0, merged: 0, skipped: 0, errors: 0 }
  const personByRow = new Map<number, string>()
  /** People this commit registered: filling their blanks from a later row is not 「情報を補った人」. */
  const createdPeople = new Set<string>()
  /**
   * Registered people whose blanks this commit filled. result.merged counts them, not merge
   * rows: the screen says 「情報を補った人」, and a sign-in sheet with only 氏名・日付 fills
   * nothing, nor is a regular on five rows five people.
   */
  const filled = new Set<string>()
  /** Visits this commit wrote: an earlier row's own visit is not a visit recorded before. */
  const createdHere = new Set<string>()
  insertBatch(sqlite, {
    id: ctx.batchId,
    kind: 'visits',
    fileName: preview.source.fileName,
    encoding: preview.source.encoding,
    mapping: options.mapping,
    counts: {},
    userName: options.userName,
    createdAt: now,
  })
  // The preview is a snapshot: a program or session it found may have been deleted since.
  // Checked once per program and session (a sign-in sheet names the same one on every row).
  const liveTargets = new Set<string>()
  const assertTargetLive = ({ target, line }: VisitsPreview['rows'][number]) => {
    const key = `${target.programId} ${target.sessionId}`
    if (target.programId === null || liveTargets.has(key)) return
    const live = w.liveTarget.get({ programId: target.programId, sessionId: target.sessionId }) as {
      program: number
      session: number
    }
    if (!live.program || !live.session)
      throw ApiError.from(
        'NOT_FOUND',
        { programId: target.programId, sessionId: target.sessionId },
        `${line}行目のプログラム「${target.programName ?? ''}」${live.program ? 'の開催回' : ''}が見つかりません（確認画面を開いた後に削除された可能性があります）。もう一度ファイルを読み込んでください。`,
      )
    liveTargets.add(key)
  }
  let done = 0
  for (const row of preview.rows) {
    if (++done % YIELD_EVERY === 0) yield done
    if (!row.read.ok) {
      result.errors++
      continue
    }
    const own = options.decisions?.[row.index]
    if (own?.action === 'skip') {
      result.skipped++
      continue
    }
    assertTargetLive(row)
    const best = personMatch(row.duplicates, (earlier) => personByRow.has(earlier))
    const bulk = defaultAction(best?.match, options.onDuplicate)
    // Someone an earlier row of this sheet registered is the same person again (a regular on
    // every session's sheet), even when the bulk choice for matches is to register them new.
    const action = own?.action ?? (bulk === 'new' && best?.row !== undefined && !best.match.otherName ? 'skip' : bulk)
    const matchedId = own?.targetId ?? best?.contactId ?? (best?.row !== undefined ? personByRow.get(best.row) : undefined)
    let contactId: string
    if (action === 'new' || !matchedId) {
      contactId = createPerson(w, item, row.read.person.draft, ctx)
      createdPeople.add(contactId)
      result.created++
    } else {
      // The preview is a snapshot: the person may have been deleted since it was made.
      if (!w.selectPerson.get(matchedId))
        throw ApiError.from(
          'NOT_FOUND',
          { id: matchedId },
          `${row.line}行目の参加者が見つかりません（確認画面を開いた後に削除された可能性があります）。もう一度ファイルを読み込んでください。`,
        )
      contactId = matchedId
      if (action === 'merge') {
        const changed = mergePerson(w, item, matchedId, row.read.person.draft, own?.takeFromFile ?? [], row.line, ctx)
        if (changed && !createdPeople.has(matchedId)) filled.add(matchedId)
      }
    }
    personByRow.set(row.index, contactId)
    const { target } = row
    const visit = target.draft
    // Importing the same sheet twice must not count anyone twice (延べ人数 comes from visits).
    // A sheet imported before its program was registered left its visits with no program: the
    // same sheet again, now linked to the program, is the same visits (the preview said so).
    const recorded =
      (target.sessionId
        ? w.attended.get({ contactId, sessionId: target.sessionId, programId: target.programId, visitDate: visit.visitDate })
        : w.sameVisit.get({
            contactId,
            visitDate: visit.visitDate,
            programId: target.programId,
            municipalityCode: visit.municipalityCode,
            purpose: visit.purpose,
            notes: visit.notes,
          })) ||
      (target.programId !== null &&
        (w.unlinkedVisits.all(contactId, visit.visitDate) as { id: string }[]).some((v) => !createdHere.has(v.id)))
    if (recorded) {
      kindCounts.alreadyAttended++
      continue
    }
    const mode = visit.mode ?? 'onsite'
    const id = bulkId()
    w.insertVisit.run({
      id,
      contactId,
      programId: target.programId,
      sessionId: target.sessionId,
      visitDate: visit.visitDate,
      mode,
      municipalityCode: visit.municipalityCode,
      nights: nightsFor(mode, visit.nights),
      purpose: visit.purpose,
      notes: visit.notes,
      now,
    })
    w.audit(
      now,
      ctx.userName,
      'import',
      'visit',
      id,
      { contactId: [null, contactId], visitDate: [null, visit.visitDate] },
      ctx.batchId,
    )
    item(ctx.batchId, 'visit', id, 'created', null, null)
    createdHere.add(id)
    kindCounts.visitsCreated++
  }
  result.merged = filled.size
  const { batchId: _, ...counts } = result
  setBatchCounts(sqlite, ctx.batchId, { ...counts, ...kindCounts })
  return { ...result, kindCounts }
}
