import { useCallback, useEffect, useState } from 'react'
import { personIdFromHash, withoutPerson } from '../../app/routes'

/**
 * The person a link asked for (#/participants?person=ID, from ホーム or 監査ログ), followed as the
 * address changes. `done` takes the person out of the address once the panel shows someone else
 * or closes, in place (no new history entry), so Back still goes to the page the link was on.
 */
export function useLinkedPerson(): { linked: string | null; done: () => void } {
  const [linked, setLinked] = useState(() => personIdFromHash(window.location.hash))
  useEffect(() => {
    const onHash = () => setLinked(personIdFromHash(window.location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  const done = useCallback(() => {
    if (personIdFromHash(window.location.hash) === null) return
    window.history.replaceState(window.history.state, '', withoutPerson(window.location.hash))
    setLinked(null)
  }, [])
  return { linked, done }
}
