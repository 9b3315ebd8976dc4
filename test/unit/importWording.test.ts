import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * One word for importing, app-wide: the screen is named 「インポート」 (the sidebar, its title,
 * and text that sends the user to that screen); everything else — notes, the audit log,
 * backups, messages — says 取り込み. Scans the code for インポート outside comments and migrations.
 */

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx|html)$/.test(entry.name) ? [full] : []
  })
}

/** The screen's name, as a name: the title and sidebar entry, and 「インポート画面」. */
const screenName = /'インポート'|インポート画面/g

describe('the word for importing', () => {
  it('インポート is only the screen’s name; other text says 取り込み', () => {
    const offending: string[] = []
    // Migrations name the old wording to replace it in stored data.
    const files = ['renderer/src', 'electron', 'shared'].flatMap(sourceFiles).filter((f) => !f.includes('db/migrations'))
    for (const file of files) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.trim()
          if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return
          if (line.replace(screenName, '').includes('インポート')) offending.push(`${file}:${i + 1}: ${code}`)
        })
    }
    expect(offending).toEqual([])
  })
})
