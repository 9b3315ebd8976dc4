import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '../..')

/**
 * A Node 22 binary: this one when the tests already run on it (npx puts node_modules/.bin
 * first), otherwise the one the `node` dev dependency installs (better-sqlite3 needs ≥ 22).
 */
export function node22(): string {
  const major = Number(process.versions.node.split('.')[0])
  return major >= 22 ? process.execPath : path.join(repoRoot, 'node_modules/.bin/node')
}
