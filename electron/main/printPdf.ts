import { BrowserWindow, session } from 'electron'

/** Its own session, so blocking the network here never touches the app's window. */
const PRINT_PARTITION = 'kakehashi-print'
const mm = (millimetres: number) => millimetres / 25.4

let offline = false
function offlineSession(): Electron.Session {
  const print = session.fromPartition(PRINT_PARTITION)
  if (!offline) {
    // The HTML carries everything; nothing in a report may call out (same rule as chromiumPdf.ts).
    print.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }))
    offline = true
  }
  return print
}

/**
 * Report HTML → PDF with the app's own Chromium: a hidden window that runs no script, loaded
 * from a data: URL (no temporary file with names in it on disk), printed as A4 with the
 * margins chromiumPdf.ts uses (the CLI and the browser door), and destroyed.
 */
export async function printHtmlToPdf(html: string): Promise<Buffer> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session: offlineSession(),
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: false,
    },
  })
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`)
    return await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      margins: { top: mm(15), bottom: mm(15), left: mm(12), right: mm(12) },
    })
  } finally {
    window.destroy()
  }
}
