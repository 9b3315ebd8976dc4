import fs from 'node:fs'
import path from 'node:path'
import { writeFileAtomic } from '../backend/safety/atomicFile'

/**
 * A file a command was told to read or write (--template, --out), and why it could not, in the
 * user's words. Without this, Node's own text ("EISDIR: illegal operation on a directory") came
 * through, or a folder given as --out was blamed on the database.
 */
export class CliFileError extends Error {
  readonly code = 'FILE'
}

const codeOf = (error: unknown) => String((error as { code?: unknown } | null)?.code ?? '')

/** A file the command reads (a form template, a mapping): missing, a folder, or not allowed. */
export function readFileError(error: unknown, file: string): CliFileError {
  switch (codeOf(error)) {
    case 'ENOENT':
      return new CliFileError(`${file} が見つかりません。`)
    case 'EISDIR':
      return new CliFileError(`${file} はフォルダーです。ファイルを指定してください。`)
    case 'EACCES':
    case 'EPERM':
      return new CliFileError(`${file} を読み込む権限がありません。`)
    default:
      return new CliFileError(`${file} を読み込めませんでした（${codeOf(error) || String(error)}）。`)
  }
}

/** A file the command writes: a folder in its place, no such folder above it, no rights, a full disk. */
export function writeFileError(error: unknown, target: string): CliFileError {
  switch (codeOf(error)) {
    case 'EISDIR':
      return new CliFileError(`${target} はフォルダーです。書き出すファイルの名前まで指定してください。`)
    case 'ENOTDIR':
    case 'EEXIST':
      return new CliFileError(`${target} の途中に、フォルダーではなくファイルがあります。保存先を確認してください。`)
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new CliFileError(`${target} に書き込めません（書き込む権限がないか、読み取り専用の場所です）。`)
    case 'ENOSPC':
      return new CliFileError(`保存先の空き容量が足りないため、${target} を書き出せませんでした。`)
    default:
      return new CliFileError(`${target} を書き出せませんでした（${codeOf(error) || String(error)}）。`)
  }
}

/** The file's bytes, or the reason it cannot be read in the user's words. */
export function readInputFile(file: string): Buffer {
  try {
    return fs.readFileSync(file)
  } catch (error) {
    throw readFileError(error, file)
  }
}

/**
 * The file written whole or not at all (writeFileAtomic: beside it, flushed, renamed), with the
 * reason it could not be in the user's words. A folder as the target is refused first.
 */
export function writeAtomically(target: string, bytes: Buffer): void {
  try {
    if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory())
      throw Object.assign(new Error('target is a folder'), { code: 'EISDIR' })
    fs.mkdirSync(path.dirname(target), { recursive: true })
    writeFileAtomic(target, bytes)
  } catch (error) {
    throw writeFileError(error, target)
  }
}

/** A folder to write several files into (the CSV tables): made if missing, refused if a file is there. */
export function ensureOutputFolder(dir: string): void {
  if (fs.statSync(dir, { throwIfNoEntry: false })?.isFile())
    throw new CliFileError(
      `${dir} はファイルです。CSV は表ごとに別のファイルになるため、--out にはフォルダーを指定してください。`,
    )
  try {
    fs.mkdirSync(dir, { recursive: true })
  } catch (error) {
    throw writeFileError(error, dir)
  }
}
