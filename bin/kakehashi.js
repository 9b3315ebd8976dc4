#!/usr/bin/env node
// The kakehashi command: runs the built CLI (npm run build writes out/main/cli.js).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
const [major] = process.versions.node.split('.').map(Number)
if (major < 22) {
  process.stderr.write(
    `エラー: Node.js 22 以上が必要です（現在 ${process.version}）。npx kakehashi か npm run で実行してください。\n`,
  )
  process.exit(1)
}
if (!existsSync(cli)) {
  process.stderr.write('エラー: ビルドされていません。先に npm run build を実行してください。\n')
  process.exit(1)
}
await import(cli)
