import { AgGridReact } from 'ag-grid-react'
import type { AgGridReactProps } from 'ag-grid-react'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import './setup'
import { agGridLocaleJa } from './localeText'
import { gridTheme } from './theme'

/**
 * Every grid of the app: the shared theme and AG Grid's own words in the current language.
 * localeText is read once by AG Grid, so a language switch remounts the grid (`key`).
 */
export function AppGrid<T>({ gridRef, ...props }: AgGridReactProps<T> & { gridRef?: Ref<AgGridReact<T>> }) {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'ja'
  return (
    <AgGridReact<T>
      key={language}
      ref={gridRef}
      theme={gridTheme}
      localeText={language === 'ja' ? agGridLocaleJa : undefined}
      {...props}
    />
  )
}
