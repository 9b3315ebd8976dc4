import type { FileDownload } from '../../../shared/contract/files'

/** Hands a backend-made file to the user as a download (browser door and Electron alike). */
export function saveDownload(file: FileDownload): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  downloadFrom(url, file.fileName)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Starts the browser's download of `href` (a blob, or a file the door serves) under `name`. */
export function downloadFrom(href: string, name: string): void {
  const link = document.createElement('a')
  link.href = href
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
}
