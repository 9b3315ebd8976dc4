import { themeQuartz } from 'ag-grid-community'

/** Quartz, quieted down to match the app: the same fonts, soft borders, compact rows. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['IPAPGothic', 'IPAGothic', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic UI', 'Meiryo', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  headerTextColor: '#3b4a5a',
  headerBackgroundColor: '#f3f5f7',
  foregroundColor: '#1f2933',
  accentColor: '#2f6f73',
  borderColor: '#dfe3e8',
  rowBorder: { color: '#eceff2' },
  columnBorder: false,
  headerColumnBorder: { color: '#e3e7eb' },
  oddRowBackgroundColor: '#fbfcfc',
  selectedRowBackgroundColor: '#e5f0f0',
  wrapperBorderRadius: 6,
  borderRadius: 4,
  rowHeight: 34,
  headerHeight: 36,
  spacing: 6,
  cellHorizontalPadding: 10,
  browserColorScheme: 'light',
})
