import { dialog } from 'electron'
import type { BrowserWindow, MessageBoxOptions } from 'electron'
import type { ApiErrorShape } from '../../shared/contract/errors'
import { openFilters } from './fileKinds'

/**
 * The database could not be opened (e.g. DB_NEWER_VERSION, DB_CORRUPT): says why in Japanese
 * and lets the user open another file or quit. Resolves with the other file, or null to quit.
 */
export async function askForAnotherDatabase(
  error: ApiErrorShape,
  file: string,
  parent: BrowserWindow | null,
): Promise<string | null> {
  for (;;) {
    const choice = await messageBox(parent, {
      type: 'error',
      title: 'かけはし',
      message: 'データベースを開けませんでした。',
      detail: `${error.message}\n\nファイル: ${file}\nエラーコード: ${error.code}`,
      buttons: ['別のファイルを開く…', '終了'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    })
    if (choice !== 0) return null
    const options = { title: 'データベースを開く', filters: openFilters('db'), properties: ['openFile' as const] }
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
    const chosen = result.filePaths[0]
    if (!result.canceled && chosen) return chosen
  }
}

/** The backend stopped repeatedly while the app was in use. Resolves true to try again. */
export async function askToRetryAfterCrash(error: ApiErrorShape, parent: BrowserWindow | null): Promise<boolean> {
  const choice = await messageBox(parent, {
    type: 'error',
    title: 'かけはし',
    message: 'かけはしの内部処理が停止しました。',
    detail: `${error.message}\n\nもう一度データベースを開くか、アプリを終了してください。`,
    buttons: ['もう一度開く', '終了'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  })
  return choice === 0
}

async function messageBox(parent: BrowserWindow | null, options: MessageBoxOptions): Promise<number> {
  const { response } =
    parent && !parent.isDestroyed() ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
  return response
}
