import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { guardUnload, unloadQuestion } from '../../electron/main/unloadGuard'

/** Emits what Electron emits when a page's beforeunload cancels a close or reload. */
function pageCancelsUnload(answer: number) {
  const contents = new EventEmitter()
  const ask = vi.fn(() => answer)
  guardUnload(contents as never, ask)
  const event = { preventDefault: vi.fn() }
  contents.emit('will-prevent-unload', event)
  return { ask, event }
}

describe('closing the window over unsaved work', () => {
  it('asks in Japanese, with 戻る as the default and the cancel', () => {
    const { ask } = pageCancelsUnload(1)
    expect(ask).toHaveBeenCalledWith(unloadQuestion)
    expect(unloadQuestion.message).toBe('保存していない変更があります。')
    expect(unloadQuestion.buttons).toEqual(['破棄して閉じる', '戻る'])
    expect(unloadQuestion.defaultId).toBe(1)
    expect(unloadQuestion.cancelId).toBe(1)
  })

  it('lets the window close when the user chooses 破棄して閉じる', () => {
    expect(pageCancelsUnload(0).event.preventDefault).toHaveBeenCalledOnce()
  })

  it('keeps the window (and the unsaved work) when the user chooses 戻る or closes the box', () => {
    expect(pageCancelsUnload(1).event.preventDefault).not.toHaveBeenCalled()
  })
})
