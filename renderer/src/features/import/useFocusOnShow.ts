import { useEffect, useRef } from 'react'

/**
 * Focus for what an action shows (a notice, a result) when the action took its own control
 * away (the 修正 link of a row now fixed, the import button replaced by the result, the undone
 * import's 取り消す button): a keyboard user would otherwise be back at the top of the page.
 * `shown` is the value that appears; focus moves each time it changes to something.
 */
export function useFocusOnShow<T extends HTMLElement>(shown: unknown) {
  const ref = useRef<T>(null)
  useEffect(() => {
    if (shown) ref.current?.focus()
  }, [shown])
  return ref
}
