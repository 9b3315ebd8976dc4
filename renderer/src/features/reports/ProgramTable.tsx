import { useTranslation } from 'react-i18next'
import type { ProgramReport } from '../../../../shared/domain/reports/types'

const columns = ['applicants', 'confirmed', 'completed', 'uniquePeople', 'totalInvolvements'] as const

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
