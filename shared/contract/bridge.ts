import type { ApiErrorShape } from './errors'
import type { BackendEvent } from './events'

/**
 * What the Electron preload exposes as `window.kakehashi` — exactly these four functions and
 * nothing else. This file imports nothing at run time, so the renderer can use its types
 * without pulling in electron.
 */
export interface KakehashiBridge {
  /** One backend call; resolves with the reply (it never rejects for a refused call). */
  call(method: string, args: unknown): Promise<BridgeReply>
  /** Hears every backend event; returns the function that stops listening. */
  on(listener: (event: BackendEvent) => void): () => void
  /** Native "open" dialog. The renderer gets an opaque id and the file's name, never its path. */
  pickFile(kind: FileKind): Promise<PickedFile | null>
  /** Native "save" dialog, starting from the user's documents folder with the suggested name. */
  saveFile(kind: FileKind, suggestedName: string): Promise<PickedFile | null>
}

/** The backend's reply as it crosses the bridge (same shape as the dispatcher's `Reply`). */
export type BridgeReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorShape }

/** A file the user chose in a native dialog: pass `fileId` to backend methods that read or write files. */
export interface PickedFile {
  fileId: string
  /** The base name only, for display (e.g. `参加者一覧.csv`). */
  name: string
}

/** The kinds of file a dialog may offer; each maps to a fixed filter in the main process. */
export const fileKinds = ['csv', 'xlsx', 'db', 'pdf', 'json', 'table'] as const
export type FileKind = (typeof fileKinds)[number]

export function isFileKind(value: unknown): value is FileKind {
  return typeof value === 'string' && (fileKinds as readonly string[]).includes(value)
}
