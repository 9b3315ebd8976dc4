import { useTranslation } from 'react-i18next'
import type { Dashboard } from '../../../../shared/contract/methods/dashboard'

/** Stacked bars (onsite below, online above) for April … March, drawn as inline SVG. */
export function MonthlyChart({ months }: { months: Dashboard['months'] }) {
  const { t } = useTranslation()
  const max = Math.max(1, ...months.map((m) => m.onsite + m.online))
  const width = 520
  const height = 150
  const bar = width / months.length
  const scale = (n: number) => (n / max) * (height - 24)
  return (
    <figure className="home-chart" aria-label={t('home.monthly')}>
      <svg viewBox={`0 0 ${width} ${height + 18}`} role="img" aria-label={t('home.monthly')}>
        {months.map((m, i) => {
          const x = i * bar + bar * 0.18
          const w = bar * 0.64
          const onsite = scale(m.onsite)
          const online = scale(m.online)
          return (
            <g key={m.month}>
              <title>{`${m.month}: ${t('home.legendOnsite')} ${m.onsite} / ${t('home.legendOnline')} ${m.online}`}</title>
              <rect x={x} y={height - onsite} width={w} height={onsite} className="bar-onsite" />
              <rect x={x} y={height - onsite - online} width={w} height={online} className="bar-online" />
              <text x={x + w / 2} y={height + 14} textAnchor="middle" className="chart-label">
                {t('home.monthLabel', { month: Number(m.month.slice(5, 7)) })}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption className="home-legend">
        <span className="legend-onsite">{t('home.legendOnsite')}</span>
        <span className="legend-online">{t('home.legendOnline')}</span>
      </figcaption>
    </figure>
  )
}
