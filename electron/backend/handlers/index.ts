import type { Handlers } from '../dispatch'
import { appHandlers } from './app'
import { contactHandlers } from './contacts'
import { programHandlers } from './programs'
import { visitHandlers } from './visits'

/** The backend's handler table, one file per contract area: none can be missing. */
export const handlers: Handlers = {
  ...appHandlers,
  ...contactHandlers,
  ...programHandlers,
  ...visitHandlers,
}
