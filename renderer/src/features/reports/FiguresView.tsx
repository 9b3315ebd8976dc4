import { useTranslation } from 'react-i18next'
import type { Stage } from '../../../../shared/contract/records'
import { prefectureByCode } from '../../../../shared/domain/localGov'
import type { FiscalYearReport } from '../../../../shared/domain/reports/types'
import { ageBands } from '../../../../shared/domain/reports/types'
import { fiscalYearMonths } from '../../../../shared/domain/dates'
import { bases, genders, roots, stages as stageVocab } from '../../../../shared/domain/vocabulary'
import { BarList, ColumnChart } from './charts'

const statKeys = [
  ['uniquePeople', 'people'],
  ['totalInvolvements', 'people'],
  ['newPeople', 'people'],
  ['continuingPeople', 'people'],
  ['returningPeople', 'people'],
  ['onsiteVisits', 'people'],
  ['onlineInvolvements', 'people'],
  ['totalNights', 'nights'],
  ['movedIn', 'people'],
  ['anonymousHeadcount', 'people'],
] as const

/** The figures and charts of one report, exact numbers (the coordinator's own view). */
export function FiguresView({ report, stageLabels }: { report: FiscalYearReport; stageLabels: Stage[] | undefined }) {
  const { t } = useTranslation()
  const stageLabel = (code: string | null) =>
    code === null
      ? t('reportsPage.charts.newEntry')
      : (stageLabels?.find((s) => s.code === code)?.label ?? stageVocab.labels[code as keyof typeof stageVocab.labels])
  const hint = (key: string) =>
    key === 'continuingPeople'
      ? t('reportsPage.statHint.continuingPeople', { n: report.rules.continuingMinInvolvements })
      : key === 'returningPeople' || key === 'anonymousHeadcount'
        ? t(`reportsPage.statHint.${key}`)
        : null
  const topPrefectures = Object.entries(report.byPrefecture)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([code, value]) => ({ label: prefectureByCode(code)?.name ?? '不明', value }))

  return (
    <>
      <div className="panel">
        <h2>{t('reportsPage.figures')}</h2>
        <p className="panel-description">{t('reportsPage.exactNote')}</p>
        <dl className="stat-list report-stats" data-testid="report-figures">
          {statKeys.map(([key, unit]) => (
            <div key={key} className="stat" data-testid={`figure-${key}`}>
              <dt>
                {t(`reportsPage.stat.${key}`)}
                {hint(key) && <small> {hint(key)}</small>}
              </dt>
              <dd>{t(`reportsPage.unit.${unit}`, { count: report[key] })}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="report-charts">
        <figure className="panel report-chart-wide">
          <figcaption>{t('reportsPage.charts.byMonth')}</figcaption>
          <ColumnChart
            testId="chart-by-month"
            title={t('reportsPage.charts.byMonth')}
            items={fiscalYearMonths(report.fiscalYear).map((m) => ({
              label: t('reportsPage.charts.month', { month: Number(m.slice(5, 7)) }),
              value: report.byMonth[m],
            }))}
          />
        </figure>
        <figure className="panel">
          <figcaption>{t('reportsPage.charts.byArea')}</figcaption>
          <BarList
            testId="chart-by-area"
            title={t('reportsPage.charts.byArea')}
            items={Object.entries(report.byArea).map(([label, value]) => ({ label, value }))}
          />
          <h3 className="report-subheading">{t('reportsPage.charts.topPrefectures')}</h3>
          {/* Shares of everyone counted, as 東京圏 above: not of the eight shown. */}
          <BarList
            testId="chart-top-prefectures"
            title={t('reportsPage.charts.topPrefectures')}
            items={topPrefectures}
            total={Object.values(report.byPrefecture).reduce((sum, n) => sum + n, 0)}
          />
        </figure>
        <figure className="panel">
          <figcaption>{t('reportsPage.charts.byAgeBand')}</figcaption>
          <BarList
            testId="chart-by-age"
            title={t('reportsPage.charts.byAgeBand')}
            items={ageBands.map((b) => ({ label: b, value: report.byAgeBand[b] }))}
          />
        </figure>
        <figure className="panel">
          <figcaption>{t('reportsPage.charts.stages')}</figcaption>
          <BarList
            testId="chart-stages"
            tone="stage"
            title={t('reportsPage.charts.stages')}
            items={[
              ...stageVocab.codes.map((code) => ({ label: stageLabel(code), value: report.stagesAtYearEnd[code] })),
              ...(report.stagesAtYearEnd['不明'] > 0
                ? [{ label: t('reportsPage.charts.noStage'), value: report.stagesAtYearEnd['不明'] }]
                : []),
            ]}
          />
        </figure>
        <figure className="panel">
          <figcaption>{t('reportsPage.charts.transitions')}</figcaption>
          {report.stageTransitions.length === 0 ? (
            <p className="panel-description">{t('reportsPage.charts.noTransitions')}</p>
          ) : (
            <table className="report-table" data-testid="report-transitions">
              <tbody>
                {report.stageTransitions.map((tr) => (
                  <tr key={`${tr.from}-${tr.to}`}>
                    <td>
                      {stageLabel(tr.from)} → {stageLabel(tr.to)}
                    </td>
                    <td className="num">{tr.count.toLocaleString('ja-JP')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </figure>
        <figure className="panel report-chart-wide report-small-tables">
          {(
            [
              [
                'byGender',
                [...genders.codes, '不明'],
                (c: string) => (c === '不明' ? '不明' : t(`vocab.gender.${c as 'female'}`)),
              ],
              ['byRoots', [...roots.codes, '不明'], (c: string) => (c === '不明' ? '不明' : t(`vocab.roots.${c as 'born'}`))],
              ['byBasis', [...bases.codes, '不明'], (c: string) => (c === '不明' ? '不明' : t(`vocab.basis.${c as 'fan'}`))],
            ] as const
          ).map(([key, codes, label]) => (
            <table key={key} className="report-table">
              <caption>{t(`reportsPage.charts.${key}`)}</caption>
              <tbody>
                {codes.map((code) => (
                  <tr key={code}>
                    <td>{label(code)}</td>
                    <td className="num">{((report[key] as Record<string, number>)[code] ?? 0).toLocaleString('ja-JP')}</td>
                  </tr>
                ))}
                <tr className="total">
                  <td>{t('reportsPage.charts.total')}</td>
                  <td className="num">{report.uniquePeople.toLocaleString('ja-JP')}</td>
                </tr>
              </tbody>
            </table>
          ))}
        </figure>
      </div>
    </>
  )
}
