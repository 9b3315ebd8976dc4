import { useTranslation } from 'react-i18next'
import { fiscalYearRange, formatFiscalYear, slashDate } from '../../../../shared/domain/dates'
import { datesOutsideProgram, dateWithWeekday } from '../../../../shared/domain/sessionSeries'

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
            start: slashDate(year.start),
            end: slashDate(year.end),
            dates: outside.fiscalYear.map(dateWithWeekday).join('、'),
          })}
        </p>
      )}
      {outside.period.length > 0 && (
        <p>
          {t('program.sessions.outsidePeriod', {
            start: program.startDate ? slashDate(program.startDate) : '',
            end: program.endDate ? slashDate(program.endDate) : '',
            dates: outside.period.map(dateWithWeekday).join('、'),
          })}
        </p>
      )}
    </div>
  )
}
