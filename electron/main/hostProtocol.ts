/**
 * The messages between the main process and the backend host (electron/backend/host.ts, an
 * Electron utilityProcess). Type-only imports: both sides import this file, and the host must
 * never load electron.
 *
 *   main → host                                        host → main
 *   { type: 'open', file, demo, userName? }        →   { type: 'ready' } | { type: 'fatal', error }
 *   { type: 'call', id, method, args }             →   { type: 'reply', id, reply }
 *   { type: 'grant', grant }                           (no answer; ordered before any call using it)
 *   { type: 'close' }                              →   { type: 'closed' }, then the host exits
 *                                                      { type: 'event', event } at any time after 'ready'
 *   { type: 'pdfDone', id, base64 } | { …, error }  ←   { type: 'pdf', id, html } (a report to print: only
 *                                                      main has windows, so Chromium's printToPDF runs there)
 *
 * Messages are structured-cloned, so everything here is plain data.
 */
import type { BridgeReply, FileKind } from '../../shared/contract/bridge'
import type { ApiErrorShape } from '../../shared/contract/errors'
import type { BackendEvent } from '../../shared/contract/events'
import type { Reply } from '../backend/dispatch'

/** A file the user chose in a native dialog. The renderer only ever sees `fileId`. */
export interface FileGrant {
  fileId: string
  path: string
  kind: FileKind
  /** 'read' for an open dialog, 'write' for a save dialog. */
  access: 'read' | 'write'
}

export interface OpenMessage {
  type: 'open'
  file: string
  /** Fill a newly created database with the demo data set. */
  demo: boolean
  userName?: string
}

export type MainToHost =
  | OpenMessage
  | { type: 'call'; id: number; method: string; args: unknown }
  | { type: 'grant'; grant: FileGrant }
  | { type: 'close' }
  | { type: 'pdfDone'; id: number; base64?: string; error?: string }

export type HostToMain =
  | { type: 'ready' }
  | { type: 'fatal'; error: ApiErrorShape }
  | { type: 'reply'; id: number; reply: Reply }
  | { type: 'event'; event: BackendEvent }
  | { type: 'closed' }
  | { type: 'pdf'; id: number; html: string }

const mainToHostTypes = new Set(['open', 'call', 'grant', 'close', 'pdfDone'])
const hostToMainTypes = new Set(['ready', 'fatal', 'reply', 'event', 'closed', 'pdf'])

function hasType(value: unknown, types: Set<string>): boolean {
  const type = (value as { type?: unknown } | null)?.type
  return typeof value === 'object' && value !== null && typeof type === 'string' && types.has(type)
}

/** A cheap shape check: both ends are ours, but a stray message must not crash either. */
export function isMainToHost(value: unknown): value is MainToHost {
  return hasType(value, mainToHostTypes)
}

export function isHostToMain(value: unknown): value is HostToMain {
  return hasType(value, hostToMainTypes)
}

/** Compile-time check: the bridge's reply type (shared/contract/bridge.ts) is the dispatcher's. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
export type ReplyShapesAgree = Assert<Same<Reply, BridgeReply>>
