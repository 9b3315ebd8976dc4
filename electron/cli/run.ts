import path from 'node:path'
import { parseArgs } from 'node:util'
import { defaultDataDir, DEMO_DB_NAME } from '../backend/dataDir'
import { checkCommand } from './commands/check'
import { generateCommand } from './commands/generate'
import { initCommand } from './commands/init'
import { serveCommand } from './commands/serve'
import { createOutput, reportError, UsageError } from './output'

const usage = `使い方: kakehashi <コマンド> [オプション]

  init --db FILE [--demo]                         新しいデータベースを作る（--demo でデモデータ入り）
  generate --db FILE --contacts N --visits M [--seed S]
                                                  ベンチマーク用の架空データを生成する
  check --db FILE                                 整合性とスキーマのバージョンを確かめる
  serve [--db FILE] [--demo] [--port N]           ブラウザ用の画面を 127.0.0.1 で開く
                                                  （--db を省くとデモデータベース）
共通: --json  結果を JSON で出力する`

function positiveInt(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback !== undefined) return fallback
    throw new UsageError(`--${name} を指定してください`)
  }
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} には 0 以上の整数を指定してください（${value}）`)
  return n
}

function requiredDb(db: string | undefined): string {
  if (!db) throw new UsageError('--db でデータベースファイルを指定してください')
  return db
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  let json = rest.includes('--json')
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(usage + '\n')
      return command ? 0 : 2
    }
    const { values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        db: { type: 'string' },
        demo: { type: 'boolean', default: false },
        contacts: { type: 'string' },
        visits: { type: 'string' },
        seed: { type: 'string' },
        port: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    })
    json = values.json
    const out = createOutput(json)
    switch (command) {
      case 'init':
        return await initCommand({ db: requiredDb(values.db), demo: values.demo }, out)
      case 'generate':
        return await generateCommand(
          {
            db: requiredDb(values.db),
            contacts: positiveInt(values.contacts, 'contacts'),
            visits: positiveInt(values.visits, 'visits'),
            seed: positiveInt(values.seed, 'seed', 1),
          },
          out,
        )
      case 'check':
        return await checkCommand({ db: requiredDb(values.db) }, out)
      case 'serve': {
        const db = values.db ?? path.join(defaultDataDir(), DEMO_DB_NAME)
        return await serveCommand({ db, demo: values.demo || !values.db, port: positiveInt(values.port, 'port', 0) }, out)
      }
      default:
        throw new UsageError(`不明なコマンドです: ${command}`)
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const message = error instanceof UsageError ? error.message : `オプションが正しくありません（${(error as Error).message}）`
      process.stderr.write(`エラー: ${message}\n\n${usage}\n`)
      return 2
    }
    return reportError(error, json)
  }
}
