import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../shared/contract/errors'
import type { BackendEvent } from '../../shared/contract/events'
import type { HostProcess } from '../../electron/main/backendHost'
import { BackendHost } from '../../electron/main/backendHost'
import type { HostToMain, MainToHost } from '../../electron/main/hostProtocol'
import type { HostedBackend, ParentPortLike } from '../../electron/backend/host'
import type { PdfRenderer } from '../../electron/backend/export/pdfRenderer'
import type { EventListener } from '../../electron/backend/events'
import { DAILY_BACKUP_DELAY_MS } from '../../electron/backend/safety/dailyBackupDelay'

// host.ts opens the real backend only when started as a utility process; tests give it fakes.
vi.mock('../../electron/backend/backend', () => ({ openBackend: vi.fn() }))
const { serveHost } = await import('../../electron/backend/host')

/** A utility process stand-in: records what main sends, lets the test answer or exit. */
function fakeProcess() {
  const sent: MainToHost[] = []
  let onMessage: (message: unknown) => void = () => {}
  let onExit: (code: number) => void = () => {}
  const child: HostProcess & { sent: MainToHost[]; answer(m: HostToMain): void; exit(code: number): void } = {
    sent,
    send: (message) => void sent.push(structuredClone(message)),
    onMessage: (listener) => void (onMessage = listener),
    onExit: (listener) => void (onExit = listener),
    kill: vi.fn(() => onExit(-1)),
    answer: (message) => onMessage(structuredClone(message)),
    exit: (code) => onExit(code),
  }
  return child
}

function hostWith(...children: ReturnType<typeof fakeProcess>[]) {
  const queue = [...children]
  const spawn = vi.fn(() => {
    const next = queue.shift()
    if (!next) throw new Error('no more fake processes')
    return next
  })
  return { host: new BackendHost({ spawn, openTimeoutMs: 1_000 }), spawn }
}

const open = { file: '/data/kakehashi.db', demo: false }
const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

afterEach(() => vi.useRealTimers())

describe('BackendHost (main side)', () => {
  it('opens the database, then matches replies to calls by id', async () => {
    const child = fakeProcess()
    const { host } = hostWith(child)
    const started = host.start(open)
    expect(child.sent).toEqual([{ type: 'open', file: '/data/kakehashi.db', demo: false }])
    child.answer({ type: 'ready' })
    await expect(started).resolves.toEqual({ ok: true })

    const first = host.call('contacts.get', { id: 'a' })
    const second = host.call('app.info', {})
    await tick()
    const calls = child.sent.filter((m) => m.type === 'call')
    expect(calls.map((c) => c.method)).toEqual(['contacts.get', 'app.info'])
    const [a, b] = calls as Extract<MainToHost, { type: 'call' }>[]
    child.answer({ type: 'reply', id: b!.id, reply: { ok: true, result: 'info' } })
    child.answer({ type: 'reply', id: a!.id, reply: { ok: true, result: 'contact' } })
    await expect(first).resolves.toEqual({ ok: true, result: 'contact' })
    await expect(second).resolves.toEqual({ ok: true, result: 'info' })
  })

  it('holds calls made while the database opens', async () => {
    const child = fakeProcess()
    const { host } = hostWith(child)
    void host.start(open)
    const early = host.call('app.info', {})
    await tick()
    expect(child.sent.some((m) => m.type === 'call')).toBe(false)
    child.answer({ type: 'ready' })
    await tick()
    const call = child.sent.find((m) => m.type === 'call') as Extract<MainToHost, { type: 'call' }>
    child.answer({ type: 'reply', id: call.id, reply: { ok: true, result: 1 } })
    await expect(early).resolves.toEqual({ ok: true, result: 1 })
  })

  it('reports a refused database (e.g. newer version) and answers calls with that error', async () => {
    const child = fakeProcess()
    const { host } = hostWith(child)
    const started = host.start(open)
    const refused = ApiError.from('DB_NEWER_VERSION', { schemaVersion: 9, supported: 1 }).toJSON()
    child.answer({ type: 'fatal', error: refused })
    await expect(started).resolves.toEqual({ ok: false, error: refused })
    expect(child.kill).toHaveBeenCalled()
    await expect(host.call('app.info', {})).resolves.toEqual({ ok: false, error: refused })
  })

  it('gives up on an open handshake that never answers', async () => {
    vi.useFakeTimers()
    const child = fakeProcess()
    const { host } = hostWith(child)
    const started = host.start(open)
    await vi.advanceTimersByTimeAsync(1_001)
    const outcome = await started
    expect(outcome.ok).toBe(false)
    expect(child.kill).toHaveBeenCalled()
  })

  it('fails calls in flight when the host dies, restarts it, and grants files again', async () => {
    const first = fakeProcess()
    const second = fakeProcess()
    const { host, spawn } = hostWith(first, second)
    void host.start(open)
    first.answer({ type: 'ready' })
    const grant = { fileId: 'f-1', path: '/home/a/参加者.csv', kind: 'csv' as const, access: 'read' as const }
    host.grant(grant)
    expect(first.sent).toContainEqual({ type: 'grant', grant })

    const inFlight = host.call('contacts.list', {})
    await tick()
    first.exit(139)
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(spawn).toHaveBeenCalledTimes(2)
    expect(second.sent).toEqual([
      { type: 'grant', grant },
      { type: 'open', ...open },
    ])

    const later = host.call('app.info', {})
    second.answer({ type: 'ready' })
    await tick()
    const call = second.sent.find((m) => m.type === 'call') as Extract<MainToHost, { type: 'call' }>
    second.answer({ type: 'reply', id: call.id, reply: { ok: true, result: 'again' } })
    await expect(later).resolves.toEqual({ ok: true, result: 'again' })
  })

  it('stops restarting after repeated crashes and says so once', async () => {
    const children = [fakeProcess(), fakeProcess(), fakeProcess()]
    const host = new BackendHost({ spawn: vi.fn(() => children.shift()!), maxRestarts: 1 })
    const fatal = vi.fn()
    host.onFatal(fatal)
    const a = children[0]!
    const b = children[1]!
    void host.start(open)
    a.answer({ type: 'ready' })
    a.exit(1)
    b.answer({ type: 'ready' })
    b.exit(1)
    expect(fatal).toHaveBeenCalledTimes(1)
    expect(host.state).toBe('failed')
    await expect(host.call('app.info', {})).resolves.toMatchObject({ ok: false })
  })

  it('forwards events', async () => {
    const child = fakeProcess()
    const { host } = hostWith(child)
    const seen = vi.fn()
    host.onEvent(seen)
    void host.start(open)
    child.answer({ type: 'ready' })
    const event: BackendEvent = { event: 'data.changed', payload: { entity: 'contact', ids: ['x'] } }
    child.answer({ type: 'event', event })
    expect(seen).toHaveBeenCalledWith(event)
  })

  it('closes cleanly: asks the host, waits for closed', async () => {
    const child = fakeProcess()
    const { host } = hostWith(child)
    void host.start(open)
    child.answer({ type: 'ready' })
    const closing = host.close()
    expect(child.sent.at(-1)).toEqual({ type: 'close' })
    child.answer({ type: 'closed' })
    await closing
    expect(host.state).toBe('closed')
    expect(child.kill).not.toHaveBeenCalled()
  })

  it('ignores malformed messages', async () => {
    const child = fakeProcess()
    const { host } = hostWith(child)
    const started = host.start(open)
    child.answer({ nonsense: true } as never)
    child.answer({ type: 'ready' })
    await expect(started).resolves.toEqual({ ok: true })
  })
})

/** A parentPort stand-in for host.ts. */
function fakePort() {
  const posted: HostToMain[] = []
  let listener: (message: { data: unknown }) => void = () => {}
  const port: ParentPortLike = {
    on: (_event, l) => (listener = l),
    postMessage: (message) => void posted.push(structuredClone(message as HostToMain)),
  }
  return { port, posted, send: (data: MainToHost) => listener({ data: structuredClone(data) }) }
}

function fakeBackend() {
  const listeners = new Set<EventListener>()
  const backend = {
    dispatch: vi.fn(async (method: string) => ({ ok: true as const, result: `did ${method}` })),
    events: {
      subscribe: (l: EventListener) => (listeners.add(l), () => listeners.delete(l)),
      emit: (e: BackendEvent) => listeners.forEach((l) => l(e)),
    },
    close: vi.fn(async () => {}),
  }
  return backend
}

describe('the backend host (utility process side)', () => {
  it('opens, answers calls, pushes events, and closes the database before exiting', async () => {
    const { port, posted, send } = fakePort()
    const backend = fakeBackend()
    const openFn = vi.fn(async () => backend as unknown as HostedBackend)
    const exit = vi.fn()
    serveHost(port, { open: openFn, exit })

    send({ type: 'open', file: '/d/demo.db', demo: true })
    await tick()
    expect(openFn).toHaveBeenCalledWith({
      file: '/d/demo.db',
      demo: true,
      degraded: true,
      files: expect.any(Map),
      // The window's first screen loads before the day's backup starts.
      dailyBackupDelayMs: DAILY_BACKUP_DELAY_MS,
    })
    expect(posted).toEqual([{ type: 'ready' }])

    send({ type: 'call', id: 7, method: 'app.info', args: {} })
    await tick()
    expect(backend.dispatch).toHaveBeenCalledWith('app.info', {})
    expect(posted.at(-1)).toEqual({ type: 'reply', id: 7, reply: { ok: true, result: 'did app.info' } })

    backend.events.emit({ event: 'job.progress', payload: { jobId: 'j', done: 1, total: 2, label: '取込中' } })
    expect(posted.at(-1)).toEqual({
      type: 'event',
      event: { event: 'job.progress', payload: { jobId: 'j', done: 1, total: 2, label: '取込中' } },
    })

    send({ type: 'close' })
    await tick()
    expect(backend.close).toHaveBeenCalledTimes(1)
    expect(posted.at(-1)).toEqual({ type: 'closed' })
    expect(exit).toHaveBeenCalledWith(0)
  })

  it('reports a refused database as fatal with its typed error', async () => {
    const { port, posted, send } = fakePort()
    serveHost(port, { open: async () => Promise.reject(ApiError.from('DB_CORRUPT', { file: 'x' })), exit: vi.fn() })
    send({ type: 'open', file: '/d/broken.db', demo: false })
    await tick()
    expect(posted).toEqual([{ type: 'fatal', error: ApiError.from('DB_CORRUPT', { file: 'x' }).toJSON() }])
  })

  it('answers a call before open with an error instead of hanging', async () => {
    const { port, posted, send } = fakePort()
    serveHost(port, { open: vi.fn(), exit: vi.fn() })
    send({ type: 'call', id: 1, method: 'app.info', args: {} })
    await tick()
    expect(posted[0]).toMatchObject({ type: 'reply', id: 1, reply: { ok: false, error: { code: 'INTERNAL' } } })
  })

  it('keeps the files main granted and gives the backend the same table', async () => {
    const { port, send } = fakePort()
    const openFn = vi.fn(async () => fakeBackend() as unknown as HostedBackend)
    const host = serveHost(port, { open: openFn, exit: vi.fn() })
    send({ type: 'open', file: '/d/demo.db', demo: false })
    await tick()
    const grant = { fileId: 'f', path: '/x.csv', kind: 'table' as const, access: 'read' as const }
    send({ type: 'grant', grant })
    expect(host.grants.get('f')).toEqual(grant)
    // Granted after the open: the backend still sees it (it holds the table, not a copy).
    const files = (openFn.mock.calls[0] as unknown as [{ files: { get(id: string): unknown } }])[0].files
    expect(files.get('f')).toEqual(grant)
  })
})

describe('main and host together', () => {
  it('round-trips a call through both sides of the protocol', async () => {
    const backend = fakeBackend()
    const child = fakeProcess()
    const { port, send } = fakePort()
    // Wire the fake process to the fake port in both directions, asynchronously like real IPC.
    child.send = (message) => void setTimeout(() => send(message), 0)
    ;(port as { postMessage(m: unknown): void }).postMessage = (m) => setTimeout(() => child.answer(m as HostToMain), 0)
    serveHost(port, { open: async () => backend as unknown as HostedBackend, exit: vi.fn() })
    const host = new BackendHost({ spawn: () => child })
    await expect(host.start(open)).resolves.toEqual({ ok: true })
    await expect(host.call('stages.list', {})).resolves.toEqual({ ok: true, result: 'did stages.list' })
  })
})

describe('printing reports to PDF through main', () => {
  /** Host and main wired together as in the app, with main's printer given by the test. */
  async function wired(renderPdf: (html: string) => Promise<Buffer>) {
    const child = fakeProcess()
    const { port, send } = fakePort()
    child.send = (message) => void setTimeout(() => send(message), 0)
    ;(port as { postMessage(m: unknown): void }).postMessage = (m) => setTimeout(() => child.answer(m as HostToMain), 0)
    let renderer: PdfRenderer | undefined
    serveHost(port, {
      open: async () => fakeBackend() as unknown as HostedBackend,
      exit: vi.fn(),
      usePdfRenderer: (r) => (renderer = r),
    })
    const host = new BackendHost({ spawn: () => child, renderPdf })
    await host.start(open)
    return renderer!
  }

  it("gives the backend a renderer whose PDFs are main's printToPDF output", async () => {
    const printed: string[] = []
    const renderer = await wired(async (html) => {
      printed.push(html)
      return Buffer.from(`%PDF-1.7 ${html.length}`)
    })
    const [a, b] = await Promise.all([renderer.render('<p>令和7年度</p>'), renderer.render('<p>two</p>')])
    expect(printed).toEqual(['<p>令和7年度</p>', '<p>two</p>'])
    expect(a.toString()).toBe(`%PDF-1.7 ${'<p>令和7年度</p>'.length}`)
    expect(b.toString()).toBe('%PDF-1.7 10')
  })

  it('turns a failed print into a rejected render instead of a hang', async () => {
    const renderer = await wired(async () => Promise.reject(new Error('printing failed')))
    await expect(renderer.render('<p>x</p>')).rejects.toThrow('printing failed')
  })
})
