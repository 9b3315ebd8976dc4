import { useCallback, useState } from 'react'
import type { ReactNode } from 'react'
import { ConfirmDialog } from './ConfirmDialog'

export interface Question {
  title: string
  body: ReactNode
  confirmLabel: string
  cancelLabel: string
  testId: string
}

/**
 * Asks with the app's own ConfirmDialog where code would call window.confirm: `await
 * confirm(question)` is true when the user confirms. window.confirm is a native box with the
 * system's OK/Cancel, no title and no focus on the safe choice; this one reads like the rest of the app.
 * Render `dialog` somewhere in the component.
 */
export function useConfirm(): { confirm: (question: Question) => Promise<boolean>; dialog: ReactNode } {
  const [asking, setAsking] = useState<(Question & { answer: (yes: boolean) => void }) | null>(null)
  const confirm = useCallback(
    (question: Question) =>
      new Promise<boolean>((resolve) =>
        setAsking({
          ...question,
          answer: (yes) => {
            setAsking(null)
            resolve(yes)
          },
        }),
      ),
    [],
  )
  const dialog = asking && (
    <ConfirmDialog
      title={asking.title}
      confirmLabel={asking.confirmLabel}
      cancelLabel={asking.cancelLabel}
      testId={asking.testId}
      onConfirm={() => asking.answer(true)}
      onCancel={() => asking.answer(false)}
    >
      <p>{asking.body}</p>
    </ConfirmDialog>
  )
  return { confirm, dialog }
}
