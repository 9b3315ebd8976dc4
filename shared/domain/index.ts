/**
 * Pure domain functions shared by the renderer and the backend: no I/O, no Node or
 * DOM APIs. Import from here rather than from the individual files.
 */
export * from './result'
export * from './kana'
export * from './localGov'
export * from './dates'
export * from './contactFields'
export * from './contactSearch'
export * from './vocabulary'
