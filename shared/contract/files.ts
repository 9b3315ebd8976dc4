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
} as const
