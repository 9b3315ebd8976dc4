import type { ProgramDraft, SessionDraft } from '../domain/import/programRow'
import type { VisitDraft } from '../domain/import/visitRow'

/** What a visits row will become, as far as the preview can tell before people are decided. */
export interface VisitRowView {
  draft: VisitDraft
  /** 'attendance': a session of a registered program; 'program': the program, no session; 'visit': standalone. */
  target: 'attendance' | 'program' | 'visit'
  programId: string | null
  programName: string | null
  sessionId: string | null
}

/** What a programs row will add: its program (new or already registered) and its session. */
export interface ProgramRowView {
  program: ProgramDraft
  session: SessionDraft | null
  /** A live program with the same name and 年度 already exists: sessions are added to it. */
  existingProgramId: string | null
  /** The program's first row in the file (later rows of the same program only add sessions). */
  firstOfProgram: boolean
  /** Line of the program's first row ("5行目と同じ事業"); the row's own line when it is the first. */
  programLine: number
  /**
   * 'new': added; 'exists': a session at the same start time is already registered (skipped);
   * 'repeat': an earlier row of this file gives the same session (skipped); 'none': no session date.
   */
  sessionOutcome: 'new' | 'exists' | 'repeat' | 'none'
  /** For 'repeat': the line of the earlier row that gives the session. */
  sessionLine: number | null
}

/** Extra counts of a visits/programs commit (people counts are in created/merged/skipped/errors). */
export interface ImportKindCounts {
  visitsCreated: number
  /** Rows already recorded: the person attended that session, or has the same visit (day, program, place) without one. */
  alreadyAttended: number
  programsCreated: number
  sessionsCreated: number
  /** Sessions already registered at the same start time. */
  sessionsExisting: number
  /** Rows whose session an earlier row of the same file already gave. */
  sessionsRepeated: number
}
