import path from 'node:path'
import { parseArgs } from 'node:util'
import { parseArgsMessage } from './parseArgsMessage'
import { defaultDataDir, DEMO_DB_NAME } from '../backend/dataDir'
import { checkCommand } from './commands/check'
import { generateCommand } from './commands/generate'
import { initCommand } from './commands/init'
import { serveCommand } from './commands/serve'
import { importCommand } from './commands/import'
import { importCliOptions } from './commands/import'
import type { ImportCommandOptions } from './commands/import'
import { reportCliOptions, reportCommand, reportOptionsFrom } from './commands/report'
import { anonymizeCommand } from './commands/anonymize'
import { backupCommand } from './commands/backup'
import { restoreCommand } from './commands/restore'
import { safetyCliOptions } from './commands/safetyCli'
import { createOutput, reportError, UsageError } from './output'

const usage = `使い方: kakehashi <コマンド> [オプション]

  init --db FILE [--demo]                         新しいデータベースを作る（--demo でデモデータ入り）
  generate --db FILE --contacts N --visits M [--seed S]
                                                  ベンチマーク用の架空データを生成する
  check --db FILE                                 整合性とスキーマのバージョンを確かめる
  serve [--db FILE] [--demo] [--port N]           ブラウザ用の画面を 127.0.0.1 で開く
                                                  （--db を省くとデモデータベース）
  import --db FILE --kind contacts|visits|programs SOURCE [--encoding auto|utf8|cp932|utf16]
         [--mapping auto|NAME|FILE.json] [--on-duplicate new|merge|skip] [--sheet NAME] [--dry-run]
                                                  CSV・TSV・Excel の名簿・参加記録・事業一覧を取り込む
  report --db FILE --fy 2024 [--program ID ...] [--funding CODE] [--format json|xlsx|csv|pdf]
         [--template FORM.xlsx] [--no-suppress] [--roster] [--encoding utf8|shift_jis] --out PATH
                                                  年度の実績集計（JSON は正確な値、csv は --out のフォルダへ表ごと）
  backup --db FILE --out PATH                     検証済みのバックアップを作る（USB メモリなどへ）
  restore --db FILE --from PATH [--bring-back-erased]
                                                  バックアップから復元する（今のデータは残してから置き換える）。
                                                  バックアップの後に匿名化・完全に削除した人は、もう一度
                                                  匿名化・削除する（--bring-back-erased でバックアップの内容に戻す）
  anonymize --db FILE --person ID                 参加者を匿名化する（集計の数字は変わらない）
暗号化したデータベースのパスフレーズは環境変数 KAKEHASHI_PASSPHRASE で渡す
共通: --json  結果を JSON で出力する`

const commands = ['init', 'generate', 'check', 'serve', 'import', 'report', 'backup', 'restore', 'anonymize']

/**
 * One command's part of the usage (`kakehashi report --help`): its lines from the full text,
 * which starts each command's block with two spaces and its name.
 */
function commandUsage(command: string): string {
  const lines = usage.split('\n')
  const start = lines.findIndex((l) => l.startsWith(`  ${command} `) || l === `  ${command}`)
  const end = lines.findIndex((l, i) => i > start && (/^ {2}[a-z]/.test(l) || !l.startsWith(' ')))
  const block = lines.slice(start, end === -1 ? undefined : end).join('\n')
  return `使い方: kakehashi ${command} [オプション]\n\n${block}\n\n${lines.slice(-2).join('\n')}`
}

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
    if (!command || (command === 'help' && !commands.includes(rest[0] ?? '')) || command === '--help' || command === '-h') {
      process.stdout.write(usage + '\n')
      return command ? 0 : 2
    }
    // `kakehashi report --help` (or `help report`) asks, it is not a mistake: that command's usage, exit 0.
    const asked = command === 'help' ? rest[0] : rest.some((a) => a === '--help' || a === '-h') ? command : undefined
    if (asked !== undefined && commands.includes(asked)) {
      process.stdout.write(commandUsage(asked) + '\n')
      return 0
    }
    const { values, positionals } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        demo: { type: 'boolean', default: false },
        contacts: { type: 'string' },
        visits: { type: 'string' },
        seed: { type: 'string' },
        port: { type: 'string' },
        json: { type: 'boolean', default: false },
        ...reportCliOptions,
        ...importCliOptions,
        ...safetyCliOptions,
      },
    })
    json = values.json
    // Only import takes a file argument; elsewhere a stray word is a typo worth reporting.
    if (command !== 'import' && positionals.length > 0) throw new UsageError(`余分な引数があります: ${positionals.join(' ')}`)
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
      case 'report':
        return await reportCommand(reportOptionsFrom(requiredDb(values.db), values), out)
      case 'import': {
        if (positionals.length !== 1) throw new UsageError('取り込むファイルを1つ指定してください')
        if (!['auto', 'utf8', 'cp932', 'utf16', 'utf16le', 'utf16be'].includes(values.encoding)) {
          throw new UsageError('--encoding は auto / utf8 / cp932 / utf16 / utf16le / utf16be のいずれかです')
        }
        const options: ImportCommandOptions = {
          db: requiredDb(values.db),
          kind: values.kind,
          source: positionals[0]!,
          encoding: values.encoding as ImportCommandOptions['encoding'],
          mapping: values.mapping,
          onDuplicate: values['on-duplicate'] as ImportCommandOptions['onDuplicate'],
          dryRun: values['dry-run'],
          ...(values.sheet ? { sheet: values.sheet } : {}),
        }
        return await importCommand(options, out)
      }
      case 'backup':
        if (!values.out) throw new UsageError('--out でバックアップの保存先を指定してください')
        return await backupCommand({ db: requiredDb(values.db), out: values.out }, out)
      case 'restore':
        if (!values.from) throw new UsageError('--from で復元するバックアップを指定してください')
        return await restoreCommand(
          { db: requiredDb(values.db), from: values.from, bringBackErased: values['bring-back-erased'] },
          out,
        )
      case 'anonymize':
        if (!values.person) throw new UsageError('--person で参加者の ID を指定してください')
        return await anonymizeCommand({ db: requiredDb(values.db), person: values.person }, out)
      default:
        throw new UsageError(`不明なコマンドです: ${command}`)
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const message = error instanceof UsageError ? error.message : parseArgsMessage(error as { code?: string; message: string })
      // With --json a script reads one JSON document on stderr, as for every other error.
      if (json) process.stderr.write(JSON.stringify({ ok: false, error: { code: 'USAGE', message } }) + '\n')
      else process.stderr.write(`エラー: ${message}\n\n${usage}\n`)
      return 2
    }
    return reportError(error, json)
  }
}
