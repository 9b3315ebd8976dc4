import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js'
import type { FileDownload } from '../../../shared/contract/files'
import { mimeTypes } from '../../../shared/contract/files'

// Web workers do not exist in the backend (Node or Electron main); compress in this thread.
configure({ useWebWorkers: false })

/**
 * A personal-data export wrapped in a password-protected .zip. AES-256 (WinZip AE-2, method
 * 99), never ZipCrypto: the legacy ZipCrypto cipher falls to a known-plaintext attack (Biham &
 * Kocher) in minutes — and a CSV's header row or an XLSX's fixed parts are known plaintext.
 * 7-Zip, Lhaplus and The Unarchiver open AES zips; Windows Explorer and macOS Archive Utility
 * cannot, which the export dialog tells the user. The entry keeps the export's own file name
 * and the zip is named after it (names are not encrypted: callers keep personal data out).
 */
export async function protectDownload(file: FileDownload, password: string): Promise<FileDownload> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), {
    password,
    encryptionStrength: 3, // 3 = AES-256
    zipCrypto: false,
    level: 6,
    useWebWorkers: false,
  })
  await writer.add(file.fileName, new Uint8ArrayReader(new Uint8Array(Buffer.from(file.base64, 'base64'))))
  const bytes = await writer.close()
  return {
    fileName: `${file.fileName.replace(/\.[^.]+$/, '')}.zip`,
    mimeType: mimeTypes.zip,
    base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  }
}

/** The file as it is without a password, zipped and encrypted with one. */
export function protectIfAsked(file: FileDownload, password: string | undefined): Promise<FileDownload> | FileDownload {
  return password === undefined ? file : protectDownload(file, password)
}
