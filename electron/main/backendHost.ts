import { ApiError } from '../../shared/contract/errors'
import type { ApiErrorShape } from '../../shared/contract/errors'
import type { BackendEvent } from '../../shared/contract/events'
import type { Reply } from '../backend/dispatch'
import type { FileGrant, MainToHost, OpenMessage } from './hostProtocol'
import { isHostToMain } from './hostProtocol'

/** The child process as the bookkeeping needs it (utilityProcess.ts adapts Electron's). */
export interface HostProcess {
  send(message: MainToHost): void
  onMessage(listener: (message: unknown) => void): void
  onExit(listener: (code: number) => void): void
  kill(): void
}

export type OpenRequest = Omit<OpenMessage, 'type'>
export type StartOutcome = { ok: true } | { ok: false; error: ApiErrorShape }

export interface BackendHostOptions {
  spawn: () => HostProcess
  /** Opening may migrate and back up a large file, or fill the demo: generous, but finite. */
  openTimeoutMs?: number
  /** Unexpected exits tolerated within `restartWindowMs` before giving up. */
  maxRestarts?: number
  restartWindowMs?: number
  now?: () => number
  /** Prints report HTML to PDF for the backend (it has no windows); printPdf.ts in the app. */
  renderPdf?: (html: string) => Promise<Buffer>
}

type State = 'idle' | 'starting' | 'ready' | 'failed' | 'closing' | 'closed'

const failure = (error: ApiErrorShape): Reply => ({ ok: false, error })

/**
 * Runs the backend in its own process: forks it, opens the database, matches replies to calls
 * by id, forwards events, and restarts it (a few times) if it dies. Only the 'open' handshake
 * has a timeout: a call may legitimately run long (an import), and jobs report progress.
 */
export class BackendHost {
  readonly #options: Required<BackendHostOptions>
  #state: State = 'idle'
  #child: HostProcess | null = null
  #open: OpenRequest | null = null
  #ready: Promise<StartOutcome> = Promise.resolve({
    ok: false,
    error: ApiError.from('INTERNAL', { reason: 'not started' }).toJSON(),
  })
  #settleStart: ((outcome: StartOutcome) => void) | null = null
  #closed: (() => void) | null = null
  #nextId = 1
  readonly #pending = new Map<number, (reply: Reply) => void>()
  readonly #grants: FileGrant[] = []
  readonly #eventListeners = new Set<(event: BackendEvent) => void>()
  readonly #fatalListeners = new Set<(error: ApiErrorShape) => void>()
  #crashes: number[] = []

  constructor(options: BackendHostOptions) {
    this.#options = {
      openTimeoutMs: 120_000,
      maxRestarts: 3,
      restartWindowMs: 60_000,
      now: Date.now,
      renderPdf: () => Promise.reject(new Error('no PDF renderer in this process')),
      ...options,
    }
  }

  get state(): State {
    return this.#state
  }

  /** Forks the host and opens the database; resolves once it is ready or has failed. */
  start(open: OpenRequest): Promise<StartOutcome> {
    this.#open = open
    this.#kill()
    this.#state = 'starting'
    this.#ready = new Promise<StartOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.#state = 'failed'
        this.#finishStart({
          ok: false,
          error: ApiError.from(
            'INTERNAL',
            { reason: 'open timeout' },
            'データベースを開く処理が時間内に終わりませんでした。',
          ).toJSON(),
        })
        this.#kill()
      }, this.#options.openTimeoutMs)
      this.#settleStart = (outcome) => {
        clearTimeout(timer)
        this.#settleStart = null
        resolve(outcome)
      }
    })
    let child: HostProcess
    try {
      child = this.#options.spawn()
    } catch (error) {
      this.#finishStart({
        ok: false,
        error: ApiError.from('INTERNAL', { reason: 'spawn failed', cause: String(error) }).toJSON(),
      })
      return this.#ready
    }
    this.#child = child
    child.onMessage((message) => this.#receive(child, message))
    child.onExit((code) => this.#exited(child, code))
    for (const grant of this.#grants) child.send({ type: 'grant', grant })
    child.send({ type: 'open', ...open })
    return this.#ready
  }

  /** Closes the current database (if any) and opens another, e.g. after a refused file. */
  async reopen(open: OpenRequest): Promise<StartOutcome> {
    await this.close()
    return this.start(open)
  }

  /** Waits for the database while it opens (or reopens after a crash), then forwards the call. */
  async call(method: string, args: unknown): Promise<Reply> {
    for (;;) {
      const outcome = await this.#ready
      if (!outcome.ok) return failure(outcome.error)
      if (this.#state === 'ready') break
      if (this.#state !== 'starting') return failure(ApiError.from('INTERNAL', { reason: `backend ${this.#state}` }).toJSON())
    }
    const child = this.#child
    if (!child) return failure(ApiError.from('INTERNAL', { reason: 'no backend' }).toJSON())
    const id = this.#nextId++
    return new Promise<Reply>((resolve) => {
      this.#pending.set(id, resolve)
      try {
        child.send({ type: 'call', id, method, args })
      } catch (error) {
        this.#pending.delete(id)
        resolve(failure(ApiError.from('INTERNAL', { reason: 'send failed', cause: String(error) }).toJSON()))
      }
    })
  }

  /** Lets the backend use a file chosen in a dialog (kept, and given again after a restart). */
  grant(grant: FileGrant): void {
    this.#grants.push(grant)
    this.#child?.send({ type: 'grant', grant })
  }

  onEvent(listener: (event: BackendEvent) => void): () => void {
    this.#eventListeners.add(listener)
    return () => this.#eventListeners.delete(listener)
  }

  /** The backend died after it was ready and could not be brought back. */
  onFatal(listener: (error: ApiErrorShape) => void): () => void {
    this.#fatalListeners.add(listener)
    return () => this.#fatalListeners.delete(listener)
  }

  /** Asks the host to close the database cleanly; kills it if it does not answer in time. */
  close(timeoutMs = 5_000): Promise<void> {
    const child = this.#child
    if (!child) {
      this.#state = 'closed'
      return Promise.resolve()
    }
    this.#state = 'closing'
    this.#finishStart({ ok: false, error: ApiError.from('INTERNAL', { reason: 'closing' }).toJSON() })
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#kill()
        this.#closed?.()
      }, timeoutMs)
      this.#closed = () => {
        clearTimeout(timer)
        this.#closed = null
        this.#child = null
        this.#state = 'closed'
        this.#failPending(ApiError.from('INTERNAL', { reason: 'backend closed' }).toJSON())
        resolve()
      }
      try {
        child.send({ type: 'close' })
      } catch {
        this.#kill()
      }
    })
  }

  #receive(child: HostProcess, message: unknown): void {
    if (child !== this.#child) return // a previous, replaced process
    if (!isHostToMain(message)) {
      console.error('[backend host] ignored a malformed message')
      return
    }
    switch (message.type) {
      case 'ready':
        if (this.#state === 'starting') {
          this.#state = 'ready'
          this.#finishStart({ ok: true })
        }
        return
      case 'fatal':
        if (this.#state === 'starting') {
          this.#state = 'failed'
          this.#finishStart({ ok: false, error: message.error })
          this.#kill()
        }
        return
      case 'reply': {
        const resolve = this.#pending.get(message.id)
        this.#pending.delete(message.id)
        resolve?.(message.reply)
        return
      }
      case 'event':
        for (const listener of this.#eventListeners) listener(message.event)
        return
      case 'closed':
        this.#closed?.()
        return
      case 'pdf':
        void this.#print(child, message.id, message.html)
        return
    }
  }

  /** Answers the host's print request; a failure is reported back, never left hanging. */
  async #print(child: HostProcess, id: number, html: string): Promise<void> {
    let answer: MainToHost
    try {
      answer = { type: 'pdfDone', id, base64: (await this.#options.renderPdf(html)).toString('base64') }
    } catch (error) {
      answer = { type: 'pdfDone', id, error: error instanceof Error ? error.message : String(error) }
    }
    if (child !== this.#child) return // the process that asked is gone
    try {
      child.send(answer)
    } catch (error) {
      console.error('[backend host] could not send a printed PDF', error)
    }
  }

  #exited(child: HostProcess, code: number): void {
    if (child !== this.#child) return
    this.#child = null
    const lost = ApiError.from('INTERNAL', { reason: 'backend exited', exitCode: code }).toJSON()
    this.#failPending(lost)

    if (this.#closed) return this.#closed()
    if (this.#state === 'starting') {
      this.#state = 'failed'
      this.#finishStart({
        ok: false,
        error: ApiError.from('INTERNAL', { exitCode: code }, 'かけはしの内部処理を開始できませんでした。').toJSON(),
      })
      return
    }
    if (this.#state !== 'ready' || !this.#open) return

    console.error(`[backend host] exited unexpectedly (code ${code})`)
    const now = this.#options.now()
    this.#crashes = [...this.#crashes.filter((t) => now - t < this.#options.restartWindowMs), now]
    if (this.#crashes.length > this.#options.maxRestarts) {
      this.#state = 'failed'
      this.#ready = Promise.resolve({ ok: false, error: lost })
      this.#emitFatal(lost)
      return
    }
    void this.start(this.#open).then((outcome) => {
      if (!outcome.ok) this.#emitFatal(outcome.error)
    })
  }

  #failPending(error: ApiErrorShape): void {
    for (const resolve of this.#pending.values()) resolve(failure(error))
    this.#pending.clear()
  }

  #finishStart(outcome: StartOutcome): void {
    this.#settleStart?.(outcome)
  }

  #emitFatal(error: ApiErrorShape): void {
    for (const listener of this.#fatalListeners) listener(error)
  }

  #kill(): void {
    const child = this.#child
    if (!child) return
    try {
      child.kill()
    } catch {
      // already gone
    }
  }
}
