import fs from 'node:fs'

/** Write, flush, rename: a reader sees the old file or the whole new one, never a torn one. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const tmp = `${file}.tmp-${process.pid}`
  try {
    const fd = fs.openSync(tmp, 'w')
    try {
      fs.writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, file)
  } catch (error) {
    // A failed write (a full disk, a folder in the file's place) leaves no half file beside it.
    try {
      fs.rmSync(tmp, { force: true })
    } catch {
      // No temporary file could have been made there (a file where its folder should be).
    }
    throw error
  }
}

/** Copies a closed file (never a live database) so the copy is complete on disk before use. */
export function copyFileDurably(from: string, to: string): void {
  fs.copyFileSync(from, to)
  const fd = fs.openSync(to, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}
