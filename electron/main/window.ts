import type { BrowserWindowConstructorOptions, WebContents } from 'electron'
import { isAppUrl } from './trust'

/**
 * The main window, locked down per Electron's security checklist. Pure (type-only electron
 * import), so a unit test can read it.
 */
export function windowOptions(
  preloadPath: string,
  { devTools = true }: { devTools?: boolean } = {},
): BrowserWindowConstructorOptions {
  return {
    title: 'かけはし Kakehashi',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false, // shown on 'ready-to-show', so the user never sees a blank white frame
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools,
    },
  }
}

/** The part of WebContents hardening touches (a fake in tests implements just this). */
export type HardenableContents = Pick<WebContents, 'setWindowOpenHandler' | 'on' | 'session'>

/**
 * Keeps every web contents on the app's own page: no new windows, no navigation or redirect
 * elsewhere, no <webview>, and every permission (camera, notifications, geolocation…) denied.
 * Links to the web are not opened either: the app is offline-first and has nothing to link to,
 * and a page that can open arbitrary URLs in the OS browser is one more thing to exploit.
 */
export function hardenWebContents(contents: HardenableContents, appUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))

  const stayHome = (details: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(details.url, appUrl)) details.preventDefault()
  }
  contents.on('will-navigate', stayHome)
  contents.on('will-frame-navigate', stayHome)
  contents.on('will-redirect', stayHome)
  contents.on('will-attach-webview', (event) => event.preventDefault())

  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  contents.session.setPermissionCheckHandler(() => false)
}
