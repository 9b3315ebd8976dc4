import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { ApiError } from '../../shared/contract/errors'
import type { ErrorCode } from '../../shared/contract/errors'
import type { Dispatch, Reply } from '../backend/dispatch'
import type { EventBus } from '../backend/events'
import { serveStatic } from './staticFiles'
import type { DoorTransfers } from './transfers'

export interface HttpDoorOptions {
  dispatch: Dispatch
  events: EventBus
  /** Folder of the built renderer (out/renderer). */
  staticRoot: string
  /** 0 picks a free port. */
  port?: number
  /** Fixed token for tests; normally a fresh random one per start. */
  token?: string
  /** Backup downloads and restore uploads (the same grants the backend reads by id). */
  transfers?: DoorTransfers
}

export interface HttpDoor {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

/** The browser door: loopback only, one token per start, same origin only. */
export const LOOPBACK = '127.0.0.1'
// Imports arrive as base64 in the body (a 100k-row list is ~15 MB); loopback only, so generous.
const MAX_BODY = 96 * 1024 * 1024

/**
 * The HTTP status of each refusal (the body carries the code and the Japanese message either
 * way). Only INTERNAL, and anything unforeseen, is a server error: a wrong passphrase or a
 * busy database is an answer, not a failure.
 */
export const statusOf: Record<ErrorCode, number> = {
  UNKNOWN_METHOD: 404,
  INVALID_ARGS: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  DB_NEWER_VERSION: 409,
  DB_CORRUPT: 503,
  DB_UNREADABLE: 503,
  MIGRATION_FAILED: 503,
  DB_LOCKED: 423,
  WRONG_PASSPHRASE: 403,
  DB_BUSY: 503,
  BACKUP_FAILED: 500,
  BACKUP_INVALID: 422,
  IMPORT_UNREADABLE: 422,
  JOB_CANCELLED: 409,
  INTERNAL: 500,
}

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

export async function startHttpDoor(options: HttpDoorOptions): Promise<HttpDoor> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[http] request failed', error)
      if (!res.headersSent) sendReply(res, { ok: false, error: ApiError.from('INTERNAL').toJSON() })
    })
  })
  let port = 0

  /** Requests must name this server as their host (DNS-rebinding defence) and origin. */
  function sameOrigin(req: http.IncomingMessage): boolean {
    const allowedHosts = [`${LOOPBACK}:${port}`, `localhost:${port}`]
    if (!allowedHosts.includes(req.headers.host ?? '')) return false
    const origin = req.headers.origin
    return origin === undefined || allowedHosts.some((h) => origin === `http://${h}`)
  }

  function hasToken(given: string | undefined | null): boolean {
    if (!given) return false
    const a = Buffer.from(given)
    const b = Buffer.from(token)
    return a.length === b.length && timingSafeEqual(a, b)
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`)
    if (!sameOrigin(req)) return refuse(res, 'UNAUTHORIZED', 403)
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 'UNKNOWN_METHOD', 405)
      return serveStatic(options.staticRoot, url.pathname, res, securityHeaders)
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      // EventSource cannot send headers, so the token comes in the query string here.
      if (!hasToken(url.searchParams.get('token'))) return refuse(res, 'UNAUTHORIZED')
      return streamEvents(res)
    }
    if (url.pathname.startsWith('/api/files/')) return transfer(req, res, url)
    if (req.method !== 'POST') return refuse(res, 'UNKNOWN_METHOD', 405)
    if (!hasToken(req.headers['x-kakehashi-token'] as string | undefined)) return refuse(res, 'UNAUTHORIZED')
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(res, 'INVALID_ARGS', 415)
    }
    const body = await readBody(req)
    if (body === null) return refuse(res, 'INVALID_ARGS', 413)
    let args: unknown
    try {
      args = body.length === 0 ? {} : JSON.parse(body)
    } catch {
      return refuse(res, 'INVALID_ARGS')
    }
    const method = decodeURIComponent(url.pathname.slice('/api/'.length))
    sendReply(res, await options.dispatch(method, args))
  }

  /**
   * Database copies, streamed: `POST /api/files/save` (token) grants a file for
   * safety.backupToFile, `GET /api/files/download/<id>` sends it once (the id is the one-time
   * capability, as a link cannot carry the token header), `POST /api/files/upload?name=` (token)
   * streams a file to restore from.
   */
  async function transfer(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const transfers = options.transfers
    if (!transfers) return refuse(res, 'UNKNOWN_METHOD', 404)
    const download = /^\/api\/files\/download\/([0-9a-f-]{36})$/.exec(url.pathname)
    if (download && req.method === 'GET') {
      if (!(await transfers.download(download[1]!, res, securityHeaders))) refuse(res, 'NOT_FOUND')
      return
    }
    if (req.method !== 'POST') return refuse(res, 'UNKNOWN_METHOD', 405)
    if (!hasToken(req.headers['x-kakehashi-token'] as string | undefined)) return refuse(res, 'UNAUTHORIZED')
    try {
      if (url.pathname === '/api/files/save') {
        const body = await readBody(req)
        const args = body ? (JSON.parse(body) as { name?: unknown }) : {}
        return sendReply(res, { ok: true, result: transfers.prepareSave(args.name) })
      }
      if (url.pathname === '/api/files/upload') {
        if ((req.headers['content-type'] ?? '') !== 'application/octet-stream') return refuse(res, 'INVALID_ARGS', 415)
        return sendReply(res, { ok: true, result: await transfers.receive(req, url.searchParams.get('name')) })
      }
    } catch (error) {
      return sendReply(res, { ok: false, error: (error instanceof ApiError ? error : ApiError.from('INVALID_ARGS')).toJSON() })
    }
    refuse(res, 'UNKNOWN_METHOD', 404)
  }

  function streamEvents(res: http.ServerResponse): void {
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    const unsubscribe = options.events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`))
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000)
    res.on('close', () => {
      clearInterval(keepAlive)
      unsubscribe()
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, LOOPBACK, () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://${LOOPBACK}:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function sendReply(res: http.ServerResponse, reply: Reply): void {
  const status = reply.ok ? 200 : (statusOf[reply.error.code] ?? 500) // ?? for a code from a newer backend
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(reply))
}

function refuse(res: http.ServerResponse, code: ErrorCode, status?: number): void {
  const reply: Reply = { ok: false, error: ApiError.from(code).toJSON() }
  res.writeHead(status ?? statusOf[code] ?? 400, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(reply))
}

/** The whole body as text, or null when it exceeds the limit. */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        resolve(null)
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
