import { useTranslation } from 'react-i18next'
import { fiscalYearRange, formatFiscalYear } from '../../../../shared/domain/dates'
import { datesOutsideProgram, weekdayLabels, weekdayOf } from '../../../../shared/domain/sessionSeries'

const slash = (d: string) => d.replaceAll('-', '/')
const day = (d: string) => `${slash(d)}（${weekdayLabels[weekdayOf(d)]}）`

export interface ProgramPeriod {
  fiscalYear: number
  startDate: string | null
  endDate: string | null
}

/**
 * Warns (never refuses) when session dates fall outside the program's 年度 (April–March) or
 * its 開始日〜終了日: a weekly series from 3/24 quietly runs into the next 年度.
 */
export function OutsideProgramWarning({ dates, program }: { dates: readonly string[]; program: ProgramPeriod }) {
  const { t } = useTranslation()
  const outside = datesOutsideProgram(dates, program)
  if (outside.fiscalYear.length === 0 && outside.period.length === 0) return null
  const year = fiscalYearRange(program.fiscalYear)
  return (
    <div className="warning" role="status" data-testid="session-outside-warning">
      {outside.fiscalYear.length > 0 && (
        <p>
          {t('program.sessions.outsideFiscalYear', {
            year: formatFiscalYear(program.fiscalYear),
            start: slash(year.start),
            end: slash(year.end),
            dates: outside.fiscalYear.map(day).join('、'),
          })}
        </p>
      )}
      {outside.period.length > 0 && (
        <p>
          {t('program.sessions.outsidePeriod', {
            start: program.startDate ? slash(program.startDate) : '',
            end: program.endDate ? slash(program.endDate) : '',
            dates: outside.period.map(day).join('、'),
          })}
        </p>
      )}
    </div>
  )
}
