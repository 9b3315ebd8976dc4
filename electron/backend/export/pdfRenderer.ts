/**
 * Turns report HTML into PDF bytes. The same HTML goes to whichever engine the door has:
 *
 * - Electron (the desktop app): main process loads the HTML into a hidden BrowserWindow and
 *   calls `webContents.printToPDF({ pageSize: 'A4', printBackground: true })`. It must run in
 *   main (it needs a window), so the backend's host passes an implementation of this interface
 *   in through `setPdfRenderer` when it starts; nothing under electron/backend imports electron.
 * - CLI, HTTP door and tests: headless Chromium driven by playwright-core (chromiumPdf.ts).
 */
export interface PdfRenderer {
  render(html: string): Promise<Buffer>
}

let current: PdfRenderer | undefined

/** Installs the renderer for this process (Electron's host calls this with printToPDF). */
export function setPdfRenderer(renderer: PdfRenderer): void {
  current = renderer
}

export async function pdfRenderer(): Promise<PdfRenderer> {
  if (current) return current
  const { chromiumPdfRenderer } = await import('./chromiumPdf')
  current = chromiumPdfRenderer()
  return current
}
