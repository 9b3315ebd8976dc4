import type { Handlers } from '../dispatch'
import { appHandlers } from './app'
import { contactHandlers } from './contacts'
import { auditHandlers } from './audit'
import { tagHandlers } from './tags'
import { undoHandlers } from './undo'
import { viewHandlers } from './views'
import { programHandlers } from './programs'
import { visitHandlers } from './visits'
import { importHandlers } from './imports'
import { reportHandlers } from './reports'
import { timelineHandlers } from './timeline'
import { sessionHandlers } from './sessions'
import { enrollmentHandlers } from './enrollments'
import { dashboardHandlers } from './dashboard'
import { safetyHandlers } from './safety'
import { privacyHandlers } from './privacy'
import { jobHandlers } from './jobs'

/** The backend's handler table, one file per contract area: none can be missing. */
export const handlers: Handlers = {
  ...appHandlers,
  ...contactHandlers,
  ...auditHandlers,
  ...tagHandlers,
  ...undoHandlers,
  ...viewHandlers,
  ...programHandlers,
  ...visitHandlers,
  ...importHandlers,
  ...reportHandlers,
  ...timelineHandlers,
  ...sessionHandlers,
  ...enrollmentHandlers,
  ...dashboardHandlers,
  ...safetyHandlers,
  ...privacyHandlers,
  ...jobHandlers,
}
