import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'

vi.mock('electron', () => ({ app: {}, dialog: {}, Menu: {} }))
const { menuTemplate } = await import('../../electron/main/menu')

const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label)
const submenu = (items: MenuItemConstructorOptions[], label: string) =>
  items.find((i) => i.label === label)?.submenu as MenuItemConstructorOptions[]

describe('the application menu', () => {
  const template = menuTemplate({ isPackaged: true, isMac: false, showAbout: () => {} })

  it('is in Japanese: ファイル, 編集, 表示, ヘルプ', () => {
    expect(labels(template)).toEqual(['ファイル', '編集', '表示', 'ヘルプ'])
    expect(submenu(template, 'ファイル')).toEqual([{ role: 'quit', label: '終了' }])
  })

  it('edits through roles, so every text field and the grid editor get them', () => {
    const edit = submenu(template, '編集').filter((i) => i.type !== 'separator')
    expect(edit.map((i) => [i.label, i.role])).toEqual([
      ['元に戻す', 'undo'],
      ['やり直し', 'redo'],
      ['切り取り', 'cut'],
      ['コピー', 'copy'],
      ['貼り付け', 'paste'],
      ['すべて選択', 'selectAll'],
    ])
  })

  it('offers devtools only when not packaged', () => {
    expect(submenu(template, '表示').some((i) => i.role === 'toggleDevTools')).toBe(false)
    const dev = menuTemplate({ isPackaged: false, isMac: false, showAbout: () => {} })
    expect(submenu(dev, '表示').some((i) => i.role === 'toggleDevTools')).toBe(true)
  })

  it('shows the version from ヘルプ', () => {
    const showAbout = vi.fn()
    const about = submenu(menuTemplate({ isPackaged: true, isMac: false, showAbout }), 'ヘルプ')[0]
    expect(about?.label).toBe('バージョン情報')
    ;(about?.click as () => void)()
    expect(showAbout).toHaveBeenCalled()
  })
})
