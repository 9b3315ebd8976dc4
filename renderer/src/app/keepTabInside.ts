import type { KeyboardEvent } from 'react'

const focusable = 'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]'

/** The elements Tab stops at inside `root`, in document order (visible, enabled, not tabindex=-1). */
export function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(focusable)].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      el.closest('[inert]') === null &&
      el.checkVisibility({ visibilityProperty: true }),
  )
}

// A radio group is one Tab stop: any of its radios stands for the group's first or last stop.
const sameStop = (a: Element | null, b: HTMLElement) =>
  a === b ||
  (a instanceof HTMLInputElement &&
    b instanceof HTMLInputElement &&
    a.type === 'radio' &&
    b.type === 'radio' &&
    a.name !== '' &&
    a.name === b.name)

/**
 * onKeyDown for a modal <dialog>: Tab from its last control goes to its first, Shift+Tab from the
 * first to the last. showModal() makes the page behind inert but lets Tab leave the dialog for
 * <body> or the browser's own toolbar, where a keyboard user is stuck until Esc; a modal keeps
 * the keyboard inside until it closes.
 */
export function keepTabInside(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Tab' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return
  const dialog = e.currentTarget
  const stops = tabStops(dialog)
  const active = document.activeElement
  if (stops.length === 0) {
    e.preventDefault() // nothing to go to: stay put rather than leave
    return
  }
  const first = stops[0]!
  const last = stops[stops.length - 1]!
  if (e.shiftKey && (sameStop(active, first) || active === dialog)) {
    e.preventDefault()
    last.focus()
  } else if (!e.shiftKey && sameStop(active, last)) {
    e.preventDefault()
    first.focus()
  }
}
