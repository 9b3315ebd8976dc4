import type { Session } from 'electron'
import { isAppUrl } from './trust'

/**
 * The renderer's Content-Security-Policy. renderer/index.html carries the same string in a
 * meta tag (a test compares the built file with this constant). AG Grid injects its styles at
 * run time, hence 'unsafe-inline' for styles only; scripts come from the app's files alone.
 */
export const metaContentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

/** The full policy, sent as a response header: `frame-ancestors` only works there. */
export const contentSecurityPolicy = `${metaContentSecurityPolicy}; frame-ancestors 'none'`

/** The exact line renderer/index.html must contain in its <head>. */
export const cspMetaTag = `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy}" />`

/**
 * Also sends the policy as a response header for the app's own documents. The meta tag is what
 * is guaranteed for file:// pages (older Electron never ran webRequest for file://); the header
 * is a second layer where it does, and the only way `frame-ancestors` is honoured at all.
 * Not used with the dev server, whose React refresh preamble is an inline script.
 */
export function installCspHeader(session: Pick<Session, 'webRequest'>, appUrl: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame'
    if (!isDocument || !isAppUrl(details.url, appUrl)) {
      callback({})
      return
    }
    const headers = { ...details.responseHeaders }
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name]
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [contentSecurityPolicy] } })
  })
}
