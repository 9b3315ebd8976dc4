import type { Handlers } from '../dispatch'
import { appHandlers } from './app'
import { catalogHandlers } from './catalog'
import { contactHandlers } from './contacts'

/** The backend's handler table: typed against the contract, so none can be missing. */
export const handlers: Handlers = {
  ...appHandlers,
  ...contactHandlers,
  ...catalogHandlers,
}
