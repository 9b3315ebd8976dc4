import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** What is being looked for: the search words and the column filters, as one comparable key. */
export const queryKey = (search: string, filter: unknown): string => JSON.stringify([search, filter ?? {}])

/**
 * The sentence a screen reader hears once a search or filter has its result (「12人が見つかりました」,
 * 「該当する参加者はいません」), for a polite live region. `heard(key, total, narrowed)` is called with
 * each page the server returns; only the first page of a new query is news — later pages (scrolling)
 * and reloads of the same query say nothing, and nothing is said while keys are still being typed.
 */
export function useResultAnnouncement(): {
  message: string
  heard: (key: string, total: number, narrowed: boolean) => void
} {
  const { t } = useTranslation()
  const [message, setMessage] = useState('')
  const heardFor = useRef(queryKey('', {})) // the list as first opened is not news
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const heard = useCallback(
    (key: string, total: number, narrowed: boolean) => {
      if (key === heardFor.current) return
      heardFor.current = key
      const text = !narrowed
        ? t('participants.resultAll', { count: total })
        : total === 0
          ? t('participants.resultNone')
          : t('participants.resultFound', { count: total })
      // Emptied first, then filled: the same words as last time (another search, same count) are
      // still a change of the region's text, so they are read again.
      setMessage('')
      clearTimeout(timer.current)
      timer.current = setTimeout(() => setMessage(text), 100)
    },
    [t],
  )
  return { message, heard }
}
