import fs from 'node:fs'
import path from 'node:path'
import type { ServerResponse } from 'node:http'
import { contentSecurityPolicy } from '../main/csp'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/**
 * Serves the built renderer. Paths are resolved inside `root` only (no `..` escape), and any
 * unknown path falls back to index.html so a reload on a hash route works.
 */
export function serveStatic(root: string, urlPath: string, res: ServerResponse, headers: Record<string, string>): void {
  let relative: string
  try {
    relative = decodeURIComponent(urlPath.split('?')[0] ?? '/')
  } catch {
    res.writeHead(400).end()
    return
  }
  let file = path.resolve(root, '.' + path.posix.normalize('/' + relative))
  if (!file.startsWith(path.resolve(root) + path.sep) && file !== path.resolve(root)) {
    res.writeHead(403).end()
    return
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html')
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('画面のファイルがありません。先に npm run build を実行してください。')
    return
  }
  const type = contentTypes[path.extname(file)] ?? 'application/octet-stream'
  // The page's policy as a header too: only there is frame-ancestors honoured.
  const policy = type.startsWith('text/html') ? { 'Content-Security-Policy': contentSecurityPolicy } : {}
  res.writeHead(200, { ...headers, ...policy, 'Content-Type': type, 'Cache-Control': 'no-cache' })
  fs.createReadStream(file).pipe(res)
}
