/**
 * node:util parseArgs refuses in English ("Unknown option '--dbb'. To specify a positional
 * argument…"): the same refusal in Japanese, naming the option.
 */
export function parseArgsMessage(error: { code?: string; message: string }): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? ''
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `不明なオプションです: ${option}`
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take an argument/.test(error.message) ? `${option} には値を付けません` : `${option} の値を指定してください`
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return '余分な引数があります'
  return 'オプションが正しくありません'
}
