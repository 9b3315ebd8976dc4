import type { TFunction } from 'i18next'

/** 「（2行はスキップ、エラーの1行は取り込みません）」 with only the parts that are not 0; '' when both are. */
export function skipNote(t: TFunction, skipped: number, errors: number): string {
  const parts = [
    ...(skipped > 0 ? [t('import.commit.summarySkipped', { count: skipped })] : []),
    ...(errors > 0 ? [t('import.commit.summaryErrors', { count: errors })] : []),
  ]
  return parts.length > 0 ? t('import.commit.summarySkip', { parts: parts.join(t('import.commit.summarySeparator')) }) : ''
}
