import { useEffect, useRef, useState } from 'react'
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
  const pageInput = useRef<HTMLInputElement>(null)
  useEffect(() => setTyped(String(page + 1)), [page])
  if (!known || rows === 0) return null

  const commit = () => {
    const asked = pageAsked(typed, pages)
    if (asked === null || asked === page) setTyped(String(page + 1))
    else goTo(asked)
  }
  const atFirst = page === 0
  const atLast = page >= pages - 1
  /**
   * A button that cannot be used on the page it leads to (最後のページ on the last page) would
   * drop keyboard focus to the top of the window: focus goes to the page number, in the pager.
   */
  const go = (to: number) => {
    goTo(to)
    if (to === 0 || to === pages - 1) pageInput.current?.focus()
  }
  return (
    <nav className="grid-pager" aria-label={t('pager.label')} data-testid={testId}>
      <output className="grid-pager-rows" aria-live="polite">
        {t('pager.rows', { first, last, rows })}
      </output>
      <PagerButton disabled={atFirst} onClick={() => go(0)} label={t('pager.first')}>
        «
      </PagerButton>
      <PagerButton disabled={atFirst} onClick={() => go(page - 1)} label={t('pager.previous')}>
        ‹
      </PagerButton>
      <label className="grid-pager-page">
        <span aria-hidden="true">{t('pager.page')}</span>
        <input
          ref={pageInput}
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
      <PagerButton disabled={atLast} onClick={() => go(page + 1)} label={t('pager.next')}>
        ›
      </PagerButton>
      <PagerButton disabled={atLast} onClick={() => go(pages - 1)} label={t('pager.last')}>
        »
      </PagerButton>
    </nav>
  )
}

/** One of « ‹ › »: named in words for a screen reader and on hover; disabled ones are skipped by Tab. */
function PagerButton({
  disabled,
  onClick,
  label,
  children,
}: {
  disabled: boolean
  onClick: () => void
  label: string
  children: string
}) {
  return (
    <button type="button" className="pager-button" disabled={disabled} onClick={onClick} aria-label={label} title={label}>
      {children}
    </button>
  )
}
