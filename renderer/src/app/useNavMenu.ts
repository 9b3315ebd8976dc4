import { useCallback, useEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'
import type { Route } from './routes'

export interface NavMenu {
  /** The sidebar shown over the page (narrow windows only: wide ones always show it). */
  open: boolean
  toggle: () => void
  /** `backToButton`: focus returns to the menu button (Esc, or the chosen screen's link is hidden). */
  close: (backToButton: boolean) => void
  button: RefObject<HTMLButtonElement | null>
}

/**
 * The sidebar as a menu, below the width where it sits beside the page (200% zoom on a laptop,
 * a narrow window). Choosing a screen closes it, and focus goes back to the menu button: the
 * link that had it is hidden with the menu.
 */
export function useNavMenu(route: Route): NavMenu {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const openNow = useRef(open)
  openNow.current = open
  const close = useCallback((backToButton: boolean) => {
    if (!openNow.current) return
    setOpen(false)
    if (backToButton) button.current?.focus()
  }, [])
  const toggle = useCallback(() => setOpen((o) => !o), [])
  const shownRoute = useRef(route)
  useEffect(() => {
    if (route === shownRoute.current) return
    shownRoute.current = route
    close(document.activeElement?.closest('.sidebar') != null)
  }, [route, close])
  return { open, toggle, close, button }
}
