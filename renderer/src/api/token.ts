/**
 * The HTTP door's per-start token. The server opens the page at `/#token=…`; we move the token
 * into sessionStorage (so a reload keeps working) and take it out of the visible URL, so it is
 * not copied into bookmarks, screenshots or the history.
 */
const storageKey = 'kakehashi.token'

export function takeTokenFromUrl(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)
  if (match) {
    const token = decodeURIComponent(match[1])
    sessionStorage.setItem(storageKey, token)
    const { pathname, search } = window.location
    history.replaceState(history.state, '', pathname + search)
    return token
  }
  return sessionStorage.getItem(storageKey)
}

/** The token taken from the URL at start (the browser door), for requests made outside the client. */
export function currentToken(): string | null {
  return sessionStorage.getItem(storageKey)
}
