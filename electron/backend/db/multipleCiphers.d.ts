// better-sqlite3-multiple-ciphers ships typings its package.json "exports" hides from
// TypeScript's bundler resolution. Its API is better-sqlite3 13's (plus key/rekey, used
// through PRAGMA), so better-sqlite3's own types describe it.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3'
  export default Database
}
