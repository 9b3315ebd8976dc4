import {
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  CustomFilterModule,
  DateEditorModule,
  DateFilterModule,
  HighlightChangesModule,
  InfiniteRowModelModule,
  LargeTextEditorModule,
  LocaleModule,
  ModuleRegistry,
  NumberEditorModule,
  NumberFilterModule,
  PaginationModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule,
} from 'ag-grid-community'

/**
 * The AG Grid modules the app's grids use, registered once at start-up, instead of
 * AllCommunityModule: the grid chunk is 1.03 MB instead of 1.15 MB, and each grid builds fewer
 * services when it is created (the participants page's first rows come ~50 ms sooner on a slow
 * machine). A feature used without its module does nothing and logs 'AG Grid: error #200'; the
 * end-to-end tests fail on that line (test/e2e/fixtures.ts), so add the module here when a grid
 * starts using a new feature (the error names it).
 */
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  InfiniteRowModelModule,
  TextEditorModule,
  NumberEditorModule,
  DateEditorModule,
  SelectEditorModule,
  LargeTextEditorModule,
  CustomEditorModule,
  TextFilterModule,
  NumberFilterModule,
  DateFilterModule,
  CustomFilterModule,
  PaginationModule,
  RowSelectionModule,
  TooltipModule,
  HighlightChangesModule,
  CellStyleModule,
  RowStyleModule,
  LocaleModule,
  ColumnApiModule,
  RowApiModule,
  ScrollApiModule,
])
