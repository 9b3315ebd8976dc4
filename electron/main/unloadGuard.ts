import type { MessageBoxSyncOptions } from 'electron'

/** The part of a WebContents the guard listens on. */
export interface UnloadGuardedContents {
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown
}

export const unloadQuestion: MessageBoxSyncOptions = {
  type: 'question',
  title: 'かけはし',
  message: '保存していない変更があります。',
  detail: '閉じると、保存していない入力（出欠など）は失われます。',
  buttons: ['破棄して閉じる', '戻る'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
}

/**
 * A page with unsaved work (the attendance roster) cancels `beforeunload`. A browser then asks
 * the user; Electron instead silently keeps the window open, so the close or reload button
 * would seem broken. Here the main process asks, and lets the window go when told to.
 * `ask` shows `unloadQuestion` and returns the index of the chosen button.
 */
export function guardUnload(contents: UnloadGuardedContents, ask: (question: MessageBoxSyncOptions) => number): void {
  contents.on('will-prevent-unload', (event) => {
    // preventDefault here ignores the page's beforeunload: the window closes or reloads.
    if (ask(unloadQuestion) === 0) event.preventDefault()
  })
}
