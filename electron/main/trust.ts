/**
 * Which URLs count as the app itself. Pure, so the rules are tested without Electron.
 *
 * The app is one page: the built `index.html` loaded from file:// (any #hash route of it), or,
 * under `electron-vite dev`, any page of the dev server's origin.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  let candidate: URL
  let app: URL
  try {
    candidate = new URL(url)
    app = new URL(appUrl)
  } catch {
    return false
  }
  if (app.protocol === 'file:') {
    return candidate.protocol === 'file:' && candidate.host === app.host && sameFilePath(candidate.pathname, app.pathname)
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') return candidate.origin === app.origin
  return false
}

/**
 * Whether an IPC message may reach the backend: it must come from the app's own page, in the
 * window's main frame (never an iframe, whatever it loaded).
 */
export function isTrustedSender(url: string | null | undefined, isMainFrame: boolean, rendererUrl: string): boolean {
  return isMainFrame && typeof url === 'string' && isAppUrl(url, rendererUrl)
}

/**
 * Compares file URL paths after decoding, since Chromium and Node may percent-encode a path
 * (spaces, a Japanese user name) differently; Windows drive paths compare case-insensitively.
 */
function sameFilePath(a: string, b: string): boolean {
  let left: string
  let right: string
  try {
    left = decodeURIComponent(a)
    right = decodeURIComponent(b)
  } catch {
    return false
  }
  if (/^\/[A-Za-z]:\//.test(right)) return left.toLowerCase() === right.toLowerCase()
  return left === right
}
