import { expect, test } from './fixtures'
import { ImportPage } from './pages/importPage'

const ROWS = 40_000
const shot = (name: string) => test.info().outputPath(`import-progress-${name}.png`)

/** A generated list of fictional people, big enough that writing it takes a visible while. */
function bigList(): Buffer {
  const lines = ['氏名,フリガナ,メールアドレス,電話番号']
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `試験 花子${i},シケン ハナコ,hanako.${i}@example.jp,090-${String(1000 + (i % 9000))}-${String(i % 10000).padStart(4, '0')}`,
    )
  }
  return Buffer.from(lines.join('\r\n'), 'utf8')
}

const peopleCount = async (door: { call(m: string, a?: unknown): Promise<unknown> }) =>
  ((await door.call('contacts.list', { limit: 1 })) as { total: number }).total

test('a long import shows its progress, can be cancelled from the keyboard, and can then be imported again', async ({
  door,
  shell,
  page,
}) => {
  test.setTimeout(180_000)
  const before = await peopleCount(door)
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  await importer.upload({ name: 'big-list.csv', mimeType: 'text/csv', buffer: bigList() })
  await expect(importer.counts).toContainText(`全${ROWS.toLocaleString()}行`, { timeout: 60_000 })
  await expect(importer.commitSummary).toContainText(`${ROWS.toLocaleString()}人を新規登録します`)

  await importer.commitButton.click()
  // The bar moves: 「ファイルの行を処理しています… 2,000 / 40,000 行」 (every row, errors too, so not the button's count).
  await expect(importer.progressText).toHaveText(
    new RegExp(`^ファイルの行を処理しています… [1-9][\\d,]* / ${ROWS.toLocaleString()} 行$`),
    {
      timeout: 30_000,
    },
  )
  await expect(importer.progressBar).toHaveAttribute('max', String(ROWS))
  await importer.step('commit').screenshot({ path: shot('1-running') })

  // 中止 from the keyboard.
  await importer.cancelButton.focus()
  await page.keyboard.press('Enter')
  await expect(importer.cancelled).toHaveText('取り込みを中止しました。データベースは変更されていません。', { timeout: 30_000 })
  await expect(importer.progress).toHaveCount(0)
  await importer.step('commit').screenshot({ path: shot('2-cancelled') })
  expect(await peopleCount(door)).toBe(before)
  const batches = (await door.call('import.batches', {})) as { fileName: string }[]
  expect(batches.filter((b) => b.fileName === 'big-list.csv')).toEqual([])

  // The same reading of the file, committed again, to the end.
  await importer.commitButton.click()
  await expect(importer.result('created')).toHaveText(ROWS.toLocaleString(), { timeout: 120_000 })
  expect(await peopleCount(door)).toBe(before + ROWS)
})
