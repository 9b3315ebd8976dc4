import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { HardenableContents } from '../../electron/main/window'
import { hardenWebContents, windowOptions } from '../../electron/main/window'
import { isAppUrl, isTrustedSender } from '../../electron/main/trust'
import { builtFiles, databaseFile, devServerUrl, rendererUrl } from '../../electron/main/paths'

const appUrl = 'file:///opt/Kakehashi/resources/app/out/renderer/index.html'

describe('the main window', () => {
  it('is locked down: isolated, sandboxed, no Node, web security on, no <webview>, no spellcheck', () => {
    const options = windowOptions('/app/out/preload/index.cjs')
    expect(options.title).toBe('かけはし Kakehashi')
    expect(options.minWidth).toBeGreaterThanOrEqual(800)
    expect(options.minHeight).toBeGreaterThanOrEqual(500)
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    })
  })

  it('can turn devtools off for the packaged app', () => {
    expect(windowOptions('/p.cjs', { devTools: false }).webPreferences?.devTools).toBe(false)
  })
})

/** A WebContents stand-in: an EventEmitter with the handler setters hardening uses. */
function fakeContents() {
  const emitter = new EventEmitter()
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  }
  const contents = Object.assign(emitter, { setWindowOpenHandler: vi.fn(), session })
  hardenWebContents(contents as unknown as HardenableContents, appUrl)
  return { contents, session }
}

function navigate(contents: EventEmitter, event: string, url: string): boolean {
  const details = { url, preventDefault: vi.fn() }
  contents.emit(event, details, url)
  return details.preventDefault.mock.calls.length === 0
}

describe('hardening a web contents', () => {
  it('denies every window.open, whatever the URL', () => {
    const { contents } = fakeContents()
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => unknown
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(handler({ url: appUrl })).toEqual({ action: 'deny' })
  })

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'on %s, stays on the app page and goes nowhere else',
    (event) => {
      const { contents } = fakeContents()
      expect(navigate(contents, event, `${appUrl}#/contacts`)).toBe(true)
      expect(navigate(contents, event, 'https://evil.example/')).toBe(false)
      expect(navigate(contents, event, 'file:///etc/passwd')).toBe(false)
      expect(navigate(contents, event, 'file:///opt/Kakehashi/resources/app/out/renderer/other.html')).toBe(false)
      expect(navigate(contents, event, 'javascript:alert(1)')).toBe(false)
    },
  )

  it('blocks <webview> attachment', () => {
    const { contents } = fakeContents()
    const event = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('denies every permission request and check', () => {
    const { session } = fakeContents()
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      c: unknown,
      p: string,
      cb: (ok: boolean) => void,
    ) => void
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      request({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean
    expect(check({}, 'media', 'file://', {})).toBe(false)
  })
})

describe('trusting an IPC sender', () => {
  it('accepts the app page in the main frame, with any #route', () => {
    expect(isTrustedSender(appUrl, true, appUrl)).toBe(true)
    expect(isTrustedSender(`${appUrl}#/programs?year=2025`, true, appUrl)).toBe(true)
  })

  it('refuses a foreign page, another local file, an iframe, or a vanished frame', () => {
    expect(isTrustedSender('https://evil.example/index.html', true, appUrl)).toBe(false)
    expect(isTrustedSender('file:///tmp/out/renderer/index.html', true, appUrl)).toBe(false)
    expect(isTrustedSender('file://evil-host/opt/Kakehashi/resources/app/out/renderer/index.html', true, appUrl)).toBe(false)
    expect(isTrustedSender(appUrl, false, appUrl)).toBe(false)
    expect(isTrustedSender(null, true, appUrl)).toBe(false)
    expect(isTrustedSender('not a url', true, appUrl)).toBe(false)
    expect(isTrustedSender('data:text/html,<h1>x</h1>', true, appUrl)).toBe(false)
  })

  it('matches the app page however its path is percent-encoded (spaces, Japanese user names, Windows drive case)', () => {
    const japanese = 'file:///home/%E5%B1%B1%E7%94%B0/Kakehashi%20App/out/renderer/index.html'
    expect(isAppUrl('file:///home/山田/Kakehashi App/out/renderer/index.html', japanese)).toBe(true)
    const windows = 'file:///C:/Users/a/AppData/Local/Programs/kakehashi/resources/app.asar/out/renderer/index.html'
    expect(isAppUrl(windows.replace('C:', 'c:'), windows)).toBe(true)
    expect(isAppUrl('file:///home/%E5%B1%B1%E7%94%B0/other/index.html', japanese)).toBe(false)
    expect(isAppUrl('file:///home/%E0%A4%A/index.html', japanese)).toBe(false)
  })

  it('under the dev server, trusts that origin only', () => {
    const dev = 'http://localhost:5173/'
    expect(isTrustedSender('http://localhost:5173/#/contacts', true, dev)).toBe(true)
    expect(isTrustedSender('http://localhost:5174/', true, dev)).toBe(false)
    expect(isTrustedSender('http://127.0.0.1:5173/', true, dev)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false)
  })
})

describe('paths', () => {
  it('keeps the real and the demo database apart in the data folder', () => {
    expect(databaseFile('/home/a/.config/Kakehashi', false)).toBe('/home/a/.config/Kakehashi/kakehashi.db')
    expect(databaseFile('/home/a/.config/Kakehashi', true)).toBe('/home/a/.config/Kakehashi/demo.db')
  })

  it('finds the built preload, backend host and renderer beside out/main', () => {
    expect(builtFiles('/app/out/main')).toEqual({
      preload: '/app/out/preload/index.cjs',
      backendHost: '/app/out/main/backendHost.js',
      renderer: '/app/out/renderer/index.html',
    })
    expect(rendererUrl('/app/out/main', undefined)).toBe('file:///app/out/renderer/index.html')
  })

  it('uses a dev server URL only when unpackaged and on loopback', () => {
    expect(devServerUrl('http://localhost:5173', false)).toBe('http://localhost:5173/')
    expect(devServerUrl('http://localhost:5173', true)).toBeUndefined()
    expect(devServerUrl('https://evil.example/', false)).toBeUndefined()
    expect(devServerUrl('file:///tmp/x.html', false)).toBeUndefined()
    expect(devServerUrl(undefined, false)).toBeUndefined()
  })
})
