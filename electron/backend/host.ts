/**
 * The backend inside an Electron utilityProcess, so long imports never freeze the window.
 * It speaks the protocol in electron/main/hostProtocol.ts over `process.parentPort` and never
 * imports electron (the same backend also runs under plain Node for tests, the CLI and HTTP).
 */
import { ApiError, isErrorCode } from '../../shared/contract/errors'
import type { ApiErrorShape } from '../../shared/contract/errors'
import type { FileGrant, HostToMain, MainToHost, OpenMessage } from '../main/hostProtocol'
import { isMainToHost } from '../main/hostProtocol'
import { openBackend } from './backend'
import { DAILY_BACKUP_DELAY_MS } from './safety/dailyBackupDelay'
import { setPdfRenderer } from './export/pdfRenderer'
import type { Backend, BackendOptions } from './backend'
import type { Reply } from './dispatch'
import type { PdfRenderer } from './export/pdfRenderer'

/** `process.parentPort` as a utility process sees it (typed here: this file must not import electron). */
export interface ParentPortLike {
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown
  postMessage(message: unknown): void
}

export type HostedBackend = Pick<Backend, 'dispatch' | 'events' | 'close'>

export interface HostDeps {
  open(options: BackendOptions): Promise<HostedBackend>
  exit(code: number): void
  /** Receives the PDF renderer that asks main to print (reports' setPdfRenderer). */
  usePdfRenderer?(renderer: PdfRenderer): void
}

export interface HostHandle {
  /** Closes the database (once) and tells main; used on 'close' and on termination signals. */
  shutdown(): Promise<void>
  /** Files granted so far by main's dialogs, by id (for the backend's file-reading jobs). */
  grants: ReadonlyMap<string, FileGrant>
}

export function serveHost(port: ParentPortLike, deps: HostDeps): HostHandle {
  let backend: HostedBackend | null = null
  let opening = false
  let unsubscribe: (() => void) | null = null
  let closing: Promise<void> | null = null
  const grants = new Map<string, FileGrant>()
  const printing = new Map<number, { resolve(pdf: Buffer): void; reject(error: Error): void }>()
  let nextPdfId = 1

  const post = (message: HostToMain): void => port.postMessage(message)

  // A utility process has no windows: main prints the report HTML with Chromium's printToPDF.
  deps.usePdfRenderer?.({
    render: (html) =>
      new Promise<Buffer>((resolve, reject) => {
        const id = nextPdfId++
        printing.set(id, { resolve, reject })
        post({ type: 'pdf', id, html })
      }),
  })

  function printed(message: Extract<MainToHost, { type: 'pdfDone' }>): void {
    const waiting = printing.get(message.id)
    printing.delete(message.id)
    if (!waiting) return
    if (message.base64 !== undefined) waiting.resolve(Buffer.from(message.base64, 'base64'))
    else waiting.reject(new Error(message.error ?? 'PDF could not be made'))
  }

  async function open(message: OpenMessage): Promise<void> {
    if (backend || opening || closing) {
      post({ type: 'fatal', error: ApiError.from('INTERNAL', { reason: 'already open' }).toJSON() })
      return
    }
    opening = true
    try {
      // degraded: a locked (encrypted) or damaged database opens behind the safety door, so the
      // window can ask for the passphrase or offer a restore instead of a fatal dialog.
      const options: BackendOptions = {
        file: message.file,
        demo: message.demo,
        degraded: true,
        files: grants,
        dailyBackupDelayMs: DAILY_BACKUP_DELAY_MS,
      }
      if (message.userName) options.userName = message.userName
      const opened = await deps.open(options)
      if (closing) {
        await opened.close() // main gave up on us while the database was opening
        return
      }
      backend = opened
      unsubscribe = opened.events.subscribe((event) => post({ type: 'event', event }))
      post({ type: 'ready' })
    } catch (error) {
      post({ type: 'fatal', error: toErrorShape(error) })
    } finally {
      opening = false
    }
  }

  async function call(id: number, method: string, args: unknown): Promise<void> {
    let reply: Reply
    if (!backend || closing) {
      reply = { ok: false, error: ApiError.from('INTERNAL', { reason: 'database not open' }).toJSON() }
    } else {
      try {
        reply = await backend.dispatch(method, args)
      } catch (error) {
        reply = { ok: false, error: toErrorShape(error) }
      }
    }
    try {
      post({ type: 'reply', id, reply })
    } catch (error) {
      // A result that cannot be structured-cloned must not leave the caller waiting forever.
      console.error(`[host] reply to ${method} could not be sent`, error)
      post({ type: 'reply', id, reply: { ok: false, error: ApiError.from('INTERNAL').toJSON() } })
    }
  }

  function shutdown(): Promise<void> {
    closing ??= (async () => {
      unsubscribe?.()
      try {
        await backend?.close()
      } catch (error) {
        console.error('[host] closing the database failed', error)
      }
      backend = null
      try {
        post({ type: 'closed' })
      } catch {
        // main is already gone
      }
      deps.exit(0)
    })()
    return closing
  }

  function receive(message: MainToHost): void {
    switch (message.type) {
      case 'open':
        void open(message)
        return
      case 'call':
        void call(message.id, message.method, message.args)
        return
      case 'grant':
        grants.set(message.grant.fileId, message.grant)
        return
      case 'close':
        void shutdown()
        return
      case 'pdfDone':
        printed(message)
        return
    }
  }

  port.on('message', ({ data }) => {
    if (isMainToHost(data)) receive(data)
    else console.error('[host] ignored a malformed message')
  })
  return { shutdown, grants }
}

/** Every failure crosses as a typed error; anything unexpected becomes INTERNAL. */
export function toErrorShape(error: unknown): ApiErrorShape {
  if (error instanceof ApiError) return error.toJSON()
  const shape = error as Partial<ApiErrorShape> | null
  if (shape && isErrorCode(shape.code) && typeof shape.message === 'string') {
    return { code: shape.code, message: shape.message, details: shape.details }
  }
  console.error('[host] unexpected failure', error)
  return ApiError.from('INTERNAL', { cause: String(error) }).toJSON()
}

// Started as a utility process: serve main. Imported anywhere else (tests): do nothing.
const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort
if (parentPort) {
  const host = serveHost(parentPort, { open: openBackend, exit: (code) => process.exit(code), usePdfRenderer: setPdfRenderer })
  // Electron may terminate us without a 'close' message (main crashed or was killed): still
  // close the database cleanly. (Even a hard kill is safe in WAL mode, only slower to reopen.)
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => void host.shutdown())
}
