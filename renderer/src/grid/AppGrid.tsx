import { AgGridReact } from 'ag-grid-react'
import type { AgGridReactProps } from 'ag-grid-react'
import { useMemo } from 'react'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import './setup'
import { agGridLocaleJa } from './localeText'
import { returnToCell, tabOutOfCell, tabOutOfHeader } from './tabKeys'
import { gridTheme } from './theme'

type AppGridProps<T> = AgGridReactProps<T> & {
  gridRef?: Ref<AgGridReact<T>>
  /** The column Tab lands on when first coming into the grid (default: the first one). */
  firstColumn?: string
}

/**
 * Every grid of the app: the shared theme, AG Grid's own words in the current language, and the
 * same Tab keys everywhere (one Tab stop per grid, see ./tabKeys).
 * localeText is read once by AG Grid, so a language switch remounts the grid (`key`).
 */
export function AppGrid<T>({ gridRef, firstColumn, ...props }: AppGridProps<T>) {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'ja'
  const comeBack = useMemo(() => returnToCell<T>(firstColumn), [firstColumn])
  return (
    <AgGridReact<T>
      key={language}
      ref={gridRef}
      theme={gridTheme}
      localeText={language === 'ja' ? agGridLocaleJa : undefined}
      tabToNextCell={tabOutOfCell}
      tabToNextHeader={tabOutOfHeader}
      focusGridInnerElement={comeBack}
      {...props}
    />
  )
}
