import { useEffect, useRef } from 'react'

/**
 * A row's own button removed the row (取り消し, 削除): the button is gone and the browser drops
 * focus on <body>, so a keyboard user starts again from the top of the page. Once the list has
 * shrunk, this puts focus on the same button of the row that took its place (the row above when
 * the last one went), or on `fallback()` when no row is left.
 *
 * Mark the buttons with `data-refocus`; call `removing(index)` before the removal is sent and
 * `cancel()` when it fails or is declined.
 */
export function useRefocusAfterRemoval(rowCount: number | undefined, fallback: () => HTMLElement | null | undefined) {
  const container = useRef<HTMLTableSectionElement>(null)
  const pending = useRef<{ index: number; count: number } | null>(null)
  const fallbackRef = useRef(fallback)
  fallbackRef.current = fallback
  useEffect(() => {
    const p = pending.current
    if (!p || rowCount === undefined || rowCount >= p.count) return
    pending.current = null
    // The user moved on by then (Tab, a click): their focus stays where they put it.
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected) return
    const buttons = container.current?.querySelectorAll<HTMLElement>('[data-refocus]') ?? []
    const target = buttons.length > 0 ? buttons[Math.min(p.index, buttons.length - 1)] : fallbackRef.current()
    target?.focus()
  }, [rowCount])
  return {
    container,
    removing: (index: number) => {
      if (rowCount !== undefined) pending.current = { index, count: rowCount }
    },
    cancel: () => {
      pending.current = null
    },
  }
}
