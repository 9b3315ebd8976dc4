/** Timing helpers and the report table for the benchmark. */

export interface Timing {
  runs: number
  p50: number
  p95: number
  min: number
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  return { runs: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), min: sorted[0] }
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed (milliseconds). */
export async function time(fn: () => unknown, runs: number, warmup = 5): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    samples.push(performance.now() - started)
  }
  return summarize(samples)
}

/**
 * Runs `fn` once: its time, and the longest the event loop went without turning meanwhile
 * (a 10 ms interval timer): how long every other backend call would have waited.
 */
export async function timeWithStall(fn: () => Promise<unknown>): Promise<{ ms: number; stallMs: number }> {
  let last = performance.now()
  let stallMs = 0
  const tick = () => {
    const now = performance.now()
    stallMs = Math.max(stallMs, now - last)
    last = now
  }
  const timer = setInterval(tick, 10)
  const started = performance.now()
  try {
    await fn()
  } finally {
    tick()
    clearInterval(timer)
  }
  return { ms: performance.now() - started, stallMs }
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

/** A fixed-width text table; widths count East Asian wide characters as two columns. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = (s: string) =>
    [...s].reduce(
      (w, ch) =>
        w + (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1),
      0,
    )
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))))
  const line = (cells: readonly string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' │ ')
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─')
  return [line(headers), rule, ...rows.map(line)].join('\n')
}
