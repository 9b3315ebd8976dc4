import { useTranslation } from 'react-i18next'
import type { ImportPreviewRow } from '../../../../shared/contract/imports'

/** Under a visits/programs row's status: what the row will become (attendance, a visit, a new program…). */
export function RowTarget({ row }: { row: ImportPreviewRow }) {
  const { t } = useTranslation()
  if (!row.ok) return null
  if (row.visit) {
    const program = row.visit.programName ?? ''
    return (
      <span className="review-target" data-testid={`import-target-${row.line}`}>
        {t(`import.kind.target.${row.visit.target}`, { program: `「${program}」` })}
      </span>
    )
  }
  if (row.program) {
    const program = row.program.existingProgramId
      ? 'import.kind.target.existingProgram'
      : row.program.firstOfProgram
        ? 'import.kind.target.newProgram'
        : 'import.kind.target.sameProgram'
    const parts = [t(program, { line: row.program.programLine })]
    if (row.program.sessionOutcome === 'new') parts.push(t('import.kind.target.sessionNew'))
    if (row.program.sessionOutcome === 'exists') parts.push(t('import.kind.target.sessionExists'))
    if (row.program.sessionOutcome === 'repeat')
      parts.push(t('import.kind.target.sessionRepeat', { line: row.program.sessionLine }))
    return (
      <span className="review-target" data-testid={`import-target-${row.line}`}>
        {parts.join('・')}
      </span>
    )
  }
  return null
}
