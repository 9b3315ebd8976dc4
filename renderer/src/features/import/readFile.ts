/** The backend refuses more than this (base64 of 60 MB); checked here first to save the upload. */
export const MAX_FILE_BYTES = 60 * 1024 * 1024

/** A chosen or dropped file as base64, the way files cross every door. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}
