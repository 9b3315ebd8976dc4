import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { pageAsked } from './paging'
import type { Paging } from './paging'

interface GridPagerProps {
  paging: Paging
  goTo: (page: number) => void
  testId?: string
}

/**
 * The pages below a paged grid, in place of AG Grid's own panel: real buttons, so a button that
 * cannot be used (前のページ on page 1) is skipped by Tab and said to be unavailable, and the page
 * number field is named in words (「ページ番号（全241ページ）」), not by the bare 「ページ」 before it.
 * Typing a page number and Enter goes there; Esc or a number that is not a page puts it back.
 */
export function GridPager({ paging, goTo, testId }: GridPagerProps) {
  const { t } = useTranslation()
  const { page, pages, first, last, rows, known } = paging
  const [typed, setTyped] = useState(String(page + 1))
  useEffect(() => setTyped(String(page + 1)), [page])
  if (!known || rows === 0) return null

  const commit = () => {
    const asked = pageAsked(typed, pages)
    if (asked === null || asked === page) setTyped(String(page + 1))
    else goTo(asked)
  }
  const atFirst = page === 0
  const atLast = page >= pages - 1
  return (
    <nav className="grid-pager" aria-label={t('pager.label')} data-testid={testId}>
      <output className="grid-pager-rows" aria-live="polite">
        {t('pager.rows', { first, last, rows })}
      </output>
      <button
        type="button"
        className="pager-button"
        disabled={atFirst}
        onClick={() => goTo(0)}
        aria-label={t('pager.first')}
        title={t('pager.first')}
      >
        «
      </button>
      <button
        type="button"
        className="pager-button"
        disabled={atFirst}
        onClick={() => goTo(page - 1)}
        aria-label={t('pager.previous')}
        title={t('pager.previous')}
      >
        ‹
      </button>
      <label className="grid-pager-page">
        <span aria-hidden="true">{t('pager.page')}</span>
        <input
          type="text"
          inputMode="numeric"
          size={Math.max(2, String(pages).length)}
          value={typed}
          aria-label={t('pager.pageNumber', { pages })}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={commit}
          onFocus={(e) => e.target.select()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) commit()
            if (e.key === 'Escape') setTyped(String(page + 1))
          }}
        />
        <span aria-hidden="true">{t('pager.of', { pages })}</span>
      </label>
      <button
        type="button"
        className="pager-button"
        disabled={atLast}
        onClick={() => goTo(page + 1)}
        aria-label={t('pager.next')}
        title={t('pager.next')}
      >
        ›
      </button>
      <button
        type="button"
        className="pager-button"
        disabled={atLast}
        onClick={() => goTo(pages - 1)}
        aria-label={t('pager.last')}
        title={t('pager.last')}
      >
        »
      </button>
    </nav>
  )
}
