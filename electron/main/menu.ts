import { app, dialog, Menu } from 'electron'
import type { MenuItemConstructorOptions } from 'electron'

export interface MenuContext {
  isPackaged: boolean
  isMac: boolean
  showAbout(): void
}

/** The Japanese application menu. Editing items use roles, so they work in every text field. */
export function menuTemplate({ isPackaged, isMac, showAbout }: MenuContext): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '再読み込み' },
    { type: 'separator' },
    { role: 'resetZoom', label: '実際のサイズ' },
    { role: 'zoomIn', label: '拡大' },
    { role: 'zoomOut', label: '縮小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全画面表示' },
  ]
  if (!isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '開発者ツール' })

  return [
    ...(isMac ? [{ role: 'appMenu' as const, label: 'Kakehashi' }] : []),
    { label: 'ファイル', submenu: [{ role: 'quit', label: '終了' }] },
    {
      label: '編集',
      submenu: [
        { role: 'undo', label: '元に戻す' },
        { role: 'redo', label: 'やり直し' },
        { type: 'separator' },
        { role: 'cut', label: '切り取り' },
        { role: 'copy', label: 'コピー' },
        { role: 'paste', label: '貼り付け' },
        { type: 'separator' },
        { role: 'selectAll', label: 'すべて選択' },
      ],
    },
    { label: '表示', submenu: view },
    { label: 'ヘルプ', submenu: [{ label: 'バージョン情報', click: showAbout }] },
  ]
}

export function installMenu(): void {
  const showAbout = (): void => {
    void dialog.showMessageBox({
      type: 'info',
      title: 'バージョン情報',
      message: 'かけはし Kakehashi',
      detail: `バージョン ${app.getVersion()}\nElectron ${process.versions.electron} / Node.js ${process.versions.node}`,
      buttons: ['OK'],
    })
  }
  const template = menuTemplate({ isPackaged: app.isPackaged, isMac: process.platform === 'darwin', showAbout })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
