import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError } from '../../../shared/contract/errors'
import type { DataEntity, EventName, EventPayloads } from '../../../shared/contract/events'
import type { ArgsOf, MethodName, ResultOf } from '../../../shared/contract/methods'
import { api } from './client'
import { takeEarlyAnswer } from './earlyAnswers'

/** Listens to one backend event for as long as the component is mounted. */
export function useBackendEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): void {
  const latest = useRef(listener)
  latest.current = listener
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [event])
}

export interface Query<T> {
  data: T | undefined
  error: ApiError | undefined
  loading: boolean
  reload: () => void
}

function sameAnswer(before: unknown, after: unknown): boolean {
  return before !== undefined && JSON.stringify(before) === JSON.stringify(after)
}

/**
 * Calls a method and keeps its result; calls again when the arguments change or when one of
 * `refreshOn` changes in the backend (a `data.changed` event).
 */
export function useApiQuery<M extends MethodName>(
  method: M,
  args: ArgsOf<M>,
  refreshOn: readonly DataEntity[] = [],
): Query<ResultOf<M>> {
  const [state, setState] = useState<{ data?: ResultOf<M>; error?: ApiError; loading: boolean }>({ loading: true })
  const [generation, setGeneration] = useState(0)
  const key = JSON.stringify(args)
  const reload = useCallback(() => setGeneration((g) => g + 1), [])

  useEffect(() => {
    let current = true
    setState((s) => ({ ...s, loading: true }))
    const asked = JSON.parse(key) as ArgsOf<M>
    ;(takeEarlyAnswer(method, asked) ?? api.call(method, asked)).then(
      // The same answer again (a reload after an unrelated change) keeps the old object, so what
      // is derived from it (a grid's column definitions) is not rebuilt for nothing.
      (data) => current && setState((s) => ({ data: sameAnswer(s.data, data) ? s.data : data, loading: false })),
      (error: ApiError) => current && setState((s) => ({ data: s.data, error, loading: false })),
    )
    return () => {
      current = false
    }
  }, [method, key, generation])

  const entities = refreshOn.join(',')
  useBackendEvent('data.changed', ({ entity }) => {
    if (entities.split(',').includes(entity)) reload()
  })

  return { data: state.data, error: state.error, loading: state.loading, reload }
}
