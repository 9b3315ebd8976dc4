import { BrowserWindow, dialog } from 'electron'
import { guardUnload } from './unloadGuard'
import { windowOptions } from './window'

export interface MainWindowOptions {
  preload: string
  /** The built renderer's index.html, loaded with loadFile… */
  rendererFile: string
  /** …unless electron-vite's dev server runs (see paths.ts devServerUrl). */
  devUrl: string | undefined
  devTools: boolean
}

export function createMainWindow({ preload, rendererFile, devUrl, devTools }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preload, { devTools }))
  window.once('ready-to-show', () => window.show())
  guardUnload(window.webContents, (question) => dialog.showMessageBoxSync(window, question))
  const loading = devUrl ? window.loadURL(devUrl) : window.loadFile(rendererFile)
  loading.catch((error: unknown) => console.error('[main] the renderer failed to load', error))
  return window
}
