/**
 * The Electron main process: lifecycle only. The backend runs in a utility process
 * (backendHost.ts), the window is locked down (window.ts), IPC is checked (ipc.ts).
 */
import { app, BrowserWindow, session } from 'electron'
import path from 'node:path'
import { BackendHost } from './backendHost'
import type { OpenRequest } from './backendHost'
import { installCspHeader } from './csp'
import { askForAnotherDatabase, askToRetryAfterCrash } from './fatalDialog'
import { FileTable } from './fileTable'
import { registerIpc } from './ipc'
import { createMainWindow } from './mainWindow'
import { installMenu } from './menu'
import { appName, builtFiles, databaseFile, devServerUrl, rendererUrl } from './paths'
import { forkBackendHost } from './utilityProcess'
import { printHtmlToPdf } from './printPdf'
import { hardenWebContents } from './window'

// The name decides the data folder, and the single-instance lock lives there: set both first.
app.setName(appName)
app.setPath('userData', path.join(app.getPath('appData'), appName))
app.enableSandbox()
// Chromium's own locale, whatever the OS's: on an English Windows the window's date inputs
// (訪問日, 開催日, a report's period) read mm/dd/yyyy. The app is written for Japanese
// coordinators: with 'ja' they read yyyy/mm/dd, as dates are written everywhere else in it.
// Not verifiable here (the Electron window cannot be launched); the browser door follows the
// browser's own language.
app.commandLine.appendSwitch('lang', 'ja')

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  run()
}

function run(): void {
  const mainDir = import.meta.dirname
  const built = builtFiles(mainDir)
  const devUrl = devServerUrl(process.env['ELECTRON_RENDERER_URL'], app.isPackaged)
  const appUrl = rendererUrl(mainDir, devUrl)
  const demo = app.commandLine.hasSwitch('demo')
  const host = new BackendHost({ spawn: () => forkBackendHost(built.backendHost), renderPdf: printHtmlToPdf })
  let database: OpenRequest = { file: databaseFile(app.getPath('userData'), demo), demo }
  let mainWindow: BrowserWindow | null = null
  let closedCleanly = false

  const openWindow = (): BrowserWindow => {
    const window = createMainWindow({ preload: built.preload, rendererFile: built.renderer, devUrl, devTools: !app.isPackaged })
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null
    })
    return window
  }

  /** Opens `database`; when it is refused, offers another file until one opens or the user quits. */
  const openDatabase = async (first: boolean): Promise<void> => {
    let outcome = first ? await host.start(database) : await host.reopen(database)
    while (!outcome.ok) {
      const other = await askForAnotherDatabase(outcome.error, database.file, mainWindow)
      if (!other) {
        app.quit()
        return
      }
      database = { file: other, demo: false }
      outcome = await host.reopen(database)
      first = false
    }
    if (!first) mainWindow?.reload() // the page's first calls were refused: let it start over
  }

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl))
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Close the database cleanly before the process ends (the host checkpoints and closes).
  app.on('will-quit', (event) => {
    if (closedCleanly) return
    event.preventDefault()
    void host.close().finally(() => {
      closedCleanly = true
      app.quit()
    })
  })

  host.onFatal((error) => {
    void askToRetryAfterCrash(error, mainWindow).then(async (retry) => {
      if (!retry) return app.quit()
      await openDatabase(false)
    })
  })

  void app.whenReady().then(async () => {
    installMenu()
    if (!devUrl) installCspHeader(session.defaultSession, appUrl)
    registerIpc({ host, files: new FileTable(), rendererUrl: appUrl })
    const opening = openDatabase(true) // calls from the page wait until the database is open
    mainWindow = openWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow()
    })
    await opening
  })
}
