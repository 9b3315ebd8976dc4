/** Events the backend pushes to every connected window (IPC) or browser (server-sent events). */
export interface EventPayloads {
  /** A long job moved on; emitted at most every 100 ms per job. */
  'job.progress': { jobId: string; done: number; total: number; label: string }
  'job.finished': { jobId: string; ok: boolean; error?: { code: string; message: string } }
  /** Rows changed; views showing that entity refresh. `ids` absent means "many / unknown". */
  'data.changed': { entity: DataEntity; ids?: string[] }
}

export type DataEntity = 'contact' | 'program' | 'session' | 'enrollment' | 'visit' | 'view' | 'setting'
export type EventName = keyof EventPayloads
export type BackendEvent = { [E in EventName]: { event: E; payload: EventPayloads[E] } }[EventName]

export const eventNames: readonly EventName[] = ['job.progress', 'job.finished', 'data.changed']
