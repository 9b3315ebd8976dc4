import { z } from 'zod'

/**
 * A file the backend made for the user (an export, a report, a filled form). It crosses every
 * door as base64 so IPC, HTTP and in-process callers handle it the same way; the renderer
 * turns it into a download (renderer/src/api/download.ts).
 */
export interface FileDownload {
  fileName: string
  mimeType: string
  base64: string
}

export const mimeTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json',
  zip: 'application/zip',
} as const

/**
 * The password of a protected export (a .zip encrypted with AES-256). Optional: without it the
 * file is written as before. Never stored or logged — the audit log records only that one was set.
 */
export const exportPassword = z
  .string()
  .min(8, 'パスワードは8文字以上で指定してください')
  .max(128, 'パスワードは128文字以内で指定してください')
