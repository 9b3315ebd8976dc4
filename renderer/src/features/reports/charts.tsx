/** Small inline-SVG charts: no chart library, nothing loaded from outside, prints and screenshots as drawn. */

export interface ChartItem {
  label: string
  value: number
}

const nf = new Intl.NumberFormat('ja-JP')

/** Vertical bars, e.g. involvements by month (April first). */
export function ColumnChart({ items, title, testId }: { items: ChartItem[]; title: string; testId?: string }) {
  const width = 1000
  const height = 190
  const top = 18
  const bottom = 22
  const max = Math.max(1, ...items.map((i) => i.value))
  const slot = width / Math.max(1, items.length)
  const barWidth = Math.min(32, slot * 0.62)
  const summary = `${title}: ${items.map((i) => `${i.label} ${nf.format(i.value)}`).join('、')}`
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} data-testid={testId}>
      <title>{summary}</title>
      <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} className="chart-axis" />
      {items.map((item, i) => {
        const h = ((height - top - bottom) * item.value) / max
        const x = i * slot + (slot - barWidth) / 2
        const y = height - bottom - h
        return (
          <g key={item.label}>
            <rect x={x} y={y} width={barWidth} height={h} rx={2} className="chart-bar" />
            <text x={x + barWidth / 2} y={y - 4} className="chart-value" textAnchor="middle">
              {nf.format(item.value)}
            </text>
            <text x={x + barWidth / 2} y={height - 6} className="chart-label" textAnchor="middle">
              {item.label}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** Horizontal bars with counts and shares, e.g. people by area or age band. */
export function BarList({
  items,
  title,
  testId,
  tone,
  total = items.reduce((s, i) => s + i.value, 0),
}: {
  items: ChartItem[]
  title: string
  testId?: string
  tone?: 'stage'
  /** What the shares are of, when the items are only part of it (the top 8 prefectures of everyone). */
  total?: number
}) {
  const max = Math.max(1, ...items.map((i) => i.value))
  const row = 24
  const labelWidth = 92
  const barSpace = 300
  const width = labelWidth + barSpace + 110
  const height = items.length * row + 4
  const summary = `${title}: ${items.map((i) => `${i.label} ${nf.format(i.value)}`).join('、')}`
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} data-testid={testId}>
      <title>{summary}</title>
      {items.map((item, i) => {
        const w = (barSpace * item.value) / max
        const y = i * row + 2
        const share = total > 0 ? Math.round((item.value / total) * 1000) / 10 : 0
        return (
          <g key={item.label}>
            <text x={labelWidth - 8} y={y + row / 2 + 4} className="chart-label" textAnchor="end">
              {item.label}
            </text>
            <rect
              x={tone === 'stage' ? labelWidth + (barSpace - w) / 2 : labelWidth}
              y={y + 3}
              width={Math.max(item.value > 0 ? 2 : 0, w)}
              height={row - 8}
              rx={2}
              className={tone === 'stage' ? 'chart-bar chart-bar-stage' : 'chart-bar'}
            />
            <text x={labelWidth + barSpace + 8} y={y + row / 2 + 4} className="chart-value">
              {nf.format(item.value)}（{share}%）
            </text>
          </g>
        )
      })}
    </svg>
  )
}
