/** The words of the pages below a paged grid (GridPager). */
export const pagerText = {
  ja: {
    pager: {
      label: 'ページ送り',
      rows: '{{first, number}} 〜 {{last, number}} / {{rows, number}}件',
      first: '最初のページ',
      previous: '前のページ',
      next: '次のページ',
      last: '最後のページ',
      page: 'ページ',
      pageNumber: 'ページ番号（全{{pages, number}}ページ）',
      of: '/ {{pages, number}}',
    },
  },
  en: {
    pager: {
      label: 'Pages',
      rows: '{{first, number}}–{{last, number}} of {{rows, number}}',
      first: 'First page',
      previous: 'Previous page',
      next: 'Next page',
      last: 'Last page',
      page: 'Page',
      pageNumber: 'Page number (of {{pages, number}})',
      of: 'of {{pages, number}}',
    },
  },
}
