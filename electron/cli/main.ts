import { runCli } from './run'

// The CLI entry bundled to out/main/cli.js and started by bin/kakehashi.js.
process.exitCode = await runCli(process.argv.slice(2))
