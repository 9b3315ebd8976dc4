import type { jobMethods } from '../../../shared/contract/methods/jobs'
import type { AreaHandlers } from '../dispatch'
import { cancelJob } from '../jobs/jobRegistry'

export const jobHandlers: AreaHandlers<typeof jobMethods> = {
  'job.cancel': ({ jobId }) => ({ running: cancelJob(jobId) }),
}
