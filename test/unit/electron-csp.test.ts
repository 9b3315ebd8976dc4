import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { contentSecurityPolicy, cspMetaTag, installCspHeader, metaContentSecurityPolicy } from '../../electron/main/csp'

const builtHtml = path.resolve(import.meta.dirname, '../../out/renderer/index.html')
const appUrl = 'file:///app/out/renderer/index.html'

function decodeAttribute(value: string): string {
  return value.replaceAll('&#39;', "'").replaceAll('&#x27;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&')
}

describe('the Content-Security-Policy', () => {
  it('is strict: only the app itself, no plugins, no base or form tricks, no framing', () => {
    const directives = Object.fromEntries(
      contentSecurityPolicy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    )
    expect(directives['default-src']).toEqual(["'self'"])
    expect(directives['script-src']).toEqual(["'self'"]) // no inline scripts, no eval
    expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"]) // AG Grid injects styles
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives['base-uri']).toEqual(["'none'"])
    expect(directives['form-action']).toEqual(["'none'"])
    expect(directives['frame-ancestors']).toEqual(["'none'"])
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/)
  })

  it('is in the built out/renderer/index.html as a meta tag, identical to the constant', () => {
    if (!fs.existsSync(builtHtml)) {
      throw new Error(`${builtHtml} is missing: run npm run build first (electron-vite build writes it).`)
    }
    const html = fs.readFileSync(builtHtml, 'utf8')
    const tags = [...html.matchAll(/<meta\b[^>]*http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*>/gi)].map((m) => m[0])
    expect(tags, `renderer/index.html needs exactly this line in <head>:\n${cspMetaTag}`).toHaveLength(1)
    const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(tags[0] ?? '')?.[1]
    expect(content && decodeAttribute(content)).toBe(metaContentSecurityPolicy)
    expect(contentSecurityPolicy.startsWith(metaContentSecurityPolicy)).toBe(true)
  })

  it('is also sent as a header for the app document, replacing any other policy', () => {
    let listener: ((details: object, callback: (response: object) => void) => void) | undefined
    installCspHeader({ webRequest: { onHeadersReceived: (l: typeof listener) => (listener = l) } } as never, appUrl)
    const callback = vi.fn()
    listener?.(
      { url: appUrl, resourceType: 'mainFrame', responseHeaders: { 'content-security-policy': ['default-src *'] } },
      callback,
    )
    expect(callback).toHaveBeenLastCalledWith({ responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy] } })

    listener?.({ url: 'file:///app/out/renderer/assets/index.js', resourceType: 'script', responseHeaders: {} }, callback)
    expect(callback).toHaveBeenLastCalledWith({})
  })
})
