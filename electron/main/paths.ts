import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** The app's name, which also names its data folder (e.g. ~/.config/Kakehashi). */
export const appName = 'Kakehashi'

/**
 * The database lives in the app's data folder, never in Documents: a sync client (OneDrive,
 * Dropbox) copying a live SQLite file corrupts it. The demo gets a file of its own.
 */
export function databaseFile(userDataDir: string, demo: boolean): string {
  return path.join(userDataDir, demo ? 'demo.db' : 'kakehashi.db')
}

/** Where electron-vite writes the other entries, seen from the built main (out/main). */
export function builtFiles(mainDir: string): { preload: string; backendHost: string; renderer: string } {
  return {
    preload: path.join(mainDir, '../preload/index.cjs'),
    backendHost: path.join(mainDir, 'backendHost.js'),
    renderer: path.join(mainDir, '../renderer/index.html'),
  }
}

/**
 * The dev server's URL from `electron-vite dev` (ELECTRON_RENDERER_URL), honoured only in an
 * unpackaged app and only on the loopback interface: a packaged app never loads remote pages.
 */
export function devServerUrl(value: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !value) return undefined
  try {
    const url = new URL(value)
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    return loopback && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : undefined
  } catch {
    return undefined
  }
}

/** The one URL the app's renderer is loaded from: the dev server, or the built index.html. */
export function rendererUrl(mainDir: string, devUrl: string | undefined): string {
  return devUrl ?? pathToFileURL(builtFiles(mainDir).renderer).href
}
