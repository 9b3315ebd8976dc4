import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js'
import type { FileDownload } from '../../shared/contract/files'

configure({ useWebWorkers: false })

const bytesOf = (file: FileDownload) => new Uint8Array(Buffer.from(file.base64, 'base64'))

/** The one entry of a protected export, decrypted with `password` (throws on a wrong one). */
export async function unzipProtected(file: FileDownload, password?: string): Promise<{ name: string; bytes: Buffer }> {
  const reader = new ZipReader(new Uint8ArrayReader(bytesOf(file)))
  try {
    const entries = await reader.getEntries()
    if (entries.length !== 1) throw new Error(`expected one entry, got ${entries.length}`)
    const entry = entries[0]!
    if (entry.directory) throw new Error('entry is a directory')
    const data = await entry.getData(new Uint8ArrayWriter(), password === undefined ? {} : { password })
    return { name: entry.filename, bytes: Buffer.from(data) }
  } finally {
    await reader.close()
  }
}

/**
 * What the zip's first local file header says, read from the raw bytes (independent of
 * zip.js): the encrypted flag, method 99 (WinZip AES), and the AES extra field's strength
 * (3 = 256-bit) and real compression method (8 = deflate).
 */
export function localHeader(file: FileDownload) {
  const b = Buffer.from(file.base64, 'base64')
  if (b.readUInt32LE(0) !== 0x04034b50) throw new Error('not a zip local file header')
  const flags = b.readUInt16LE(6)
  const method = b.readUInt16LE(8)
  const nameLength = b.readUInt16LE(26)
  const extraLength = b.readUInt16LE(28)
  let offset = 30 + nameLength
  const end = offset + extraLength
  let aes: { strength: number; method: number; vendor: string } | null = null
  while (offset + 4 <= end) {
    const id = b.readUInt16LE(offset)
    const size = b.readUInt16LE(offset + 2)
    if (id === 0x9901) {
      aes = {
        vendor: b.toString('latin1', offset + 6, offset + 8),
        strength: b.readUInt8(offset + 8),
        method: b.readUInt16LE(offset + 9),
      }
    }
    offset += 4 + size
  }
  return { encrypted: (flags & 1) === 1, method, aes }
}
