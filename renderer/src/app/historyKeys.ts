/**
 * Alt+← and Alt+→ go back and forward between screens, as in a browser. The desktop window
 * has no browser around it to do that, so after a link (ホーム → one person in 参加者) the
 * keyboard had no way back. A browser that does it itself never sees the key twice: the page
 * takes it first. In a text field the keys are left alone (on a Mac, Alt+← moves by a word).
 */
export function historyStepOf(
  e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'defaultPrevented' | 'target'>,
): -1 | 1 | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return null
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return null
  const target = e.target as Element | null
  if (target?.closest?.('input, textarea, select, [contenteditable="true"]')) return null
  return e.key === 'ArrowLeft' ? -1 : 1
}

/** Listens for the two keys on the window; returns the clean-up. */
export function listenForHistoryKeys(): () => void {
  const onKey = (e: KeyboardEvent) => {
    const step = historyStepOf(e)
    if (step === null) return
    e.preventDefault()
    window.history.go(step)
  }
  window.addEventListener('keydown', onKey)
  return () => window.removeEventListener('keydown', onKey)
}
