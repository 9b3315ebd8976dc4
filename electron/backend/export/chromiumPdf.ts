import fs from 'node:fs'
import { ApiError } from '../../../shared/contract/errors'
import type { PdfRenderer } from './pdfRenderer'

/**
 * Loaded at run time, never bundled: playwright-core is a development dependency that finds
 * its own files relative to its package, and the desktop app uses printToPDF instead.
 */
const PLAYWRIGHT_CORE = 'playwright-core'

/** Where Debian (and the CI image) puts Chromium; KAKEHASHI_CHROMIUM overrides. */
function chromiumPath(): string {
  const candidates = [process.env.KAKEHASHI_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => !!p,
  )
  const found = candidates.find((p) => fs.existsSync(p))
  if (!found)
    throw ApiError.from(
      'INTERNAL',
      { reason: 'no-chromium' },
      'PDF の作成に必要な Chromium が見つかりません（KAKEHASHI_CHROMIUM で場所を指定できます）。',
    )
  return found
}

/** PDF through headless Chromium (playwright-core's page.pdf), for every door but Electron's. */
export function chromiumPdfRenderer(): PdfRenderer {
  return {
    async render(html) {
      const { chromium } = (await import(/* @vite-ignore */ PLAYWRIGHT_CORE)) as typeof import('playwright-core')
      const browser = await chromium.launch({
        executablePath: chromiumPath(),
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      })
      try {
        const page = await browser.newPage()
        // No network: the HTML carries everything, and nothing in a report may call out.
        await page.route('**/*', (route) => route.abort())
        await page.setContent(html, { waitUntil: 'load' })
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
        })
      } finally {
        await browser.close()
      }
    },
  }
}
