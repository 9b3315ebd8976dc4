import { useId } from 'react'
import type { ReactNode } from 'react'

/** One numbered step of the import, as a titled panel. */
export function StepPanel({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const id = useId()
  return (
    <section className="panel import-step" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}
