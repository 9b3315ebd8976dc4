import { useTranslation } from 'react-i18next'
import type { ProgramReport } from '../../../../shared/domain/reports/types'

// 人数のみの参加 last and apart from 延べ人数, as in every export's 事業別 table: the screen showed
// the year's total but not which program it came from, so the two could not be checked.
const columns = ['applicants', 'confirmed', 'completed', 'uniquePeople', 'totalInvolvements', 'anonymousHeadcount'] as const

export function ProgramTable({ programs }: { programs: ProgramReport[] }) {
  const { t } = useTranslation()
  return (
    <div className="panel">
      <h2>{t('reportsPage.programTable.title')}</h2>
      {programs.length === 0 ? (
        <p className="panel-description">{t('reportsPage.programTable.empty')}</p>
      ) : (
        <table className="report-table report-programs-table" data-testid="report-programs">
          <thead>
            <tr>
              <th>{t('reportsPage.programTable.name')}</th>
              <th className="num">{t('reportsPage.programTable.sessions')}</th>
              {columns.map((c) => (
                <th key={c} className="num">
                  {t(`reportsPage.programTable.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {programs.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td className="num">{p.sessions.length}</td>
                {columns.map((c) => (
                  <td key={c} className="num">
                    {p[c].toLocaleString('ja-JP')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
