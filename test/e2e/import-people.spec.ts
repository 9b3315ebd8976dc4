import path from 'node:path'
import { expect, test } from './fixtures'
import { ImportPage } from './pages/importPage'

const cp932File = path.resolve('test/fixtures/import/excel-cp932-title-rows.csv')
const shot = (name: string) => test.info().outputPath(`import-people-${name}.png`)
const everyone = async (door: { call(m: string, a?: unknown): Promise<unknown> }) =>
  ((await door.call('contacts.list', { limit: 1 })) as { total: number }).total

test('after an import, 参加者 shows only the people it brought in, with a chip that clears to everyone', async ({
  door,
  shell,
  participants,
  page,
}) => {
  const before = await everyone(door) // the demo's people: the list is not just this file
  expect(before).toBeGreaterThan(10)
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  await importer.upload(cp932File)
  await expect(importer.counts).toContainText('全4行')
  await importer.commitButton.click()
  await expect(importer.result('created')).toHaveText('4')

  await page.getByTestId('import-to-participants').click()
  const chip = page.getByTestId('participants-import-filter')
  await expect(chip).toContainText('取り込み「excel-cp932-title-rows.csv」の4人')
  await participants.waitForRows()
  await expect(participants.rowCount).toHaveText('4人（絞り込み中）')
  expect((await participants.texts('familyName', 4)).sort()).toEqual(['浜田', '粟島', '江津', '遠野'].sort())
  await expect(participants.cell(4, 'familyName')).toHaveCount(0)
  await page.screenshot({ path: shot('1-chip') })

  // × shows everyone again (and the import and the demo's people together).
  await page.getByTestId('participants-import-clear').click()
  await expect(chip).toHaveCount(0)
  await expect(participants.rowCount).toHaveText(`${(before + 4).toLocaleString()}人`)
  expect(await page.evaluate(() => location.hash)).toBe('#/participants')
  // Back returns to the import's people.
  await page.goBack()
  await expect(chip).toContainText('の4人')
  await expect(participants.rowCount).toHaveText('4人（絞り込み中）')

  // Undone since (another window, the import screen): the link says so rather than an empty list.
  const [batch] = (await door.call('import.batches', {})) as { id: string }[]
  await door.call('import.undo', { batchId: batch!.id })
  await expect(chip).toContainText('取り込み「excel-cp932-title-rows.csv」は')
  await expect(chip).toContainText('取り消されたため、この取り込みで登録・更新された参加者はいません。')
  await expect(participants.emptyState).toHaveText('取り消された取り込みのため、表示する参加者はいません。')
  await page.screenshot({ path: shot('2-undone') })
  await chip.getByRole('button', { name: 'すべて表示' }).click()
  await expect(chip).toHaveCount(0)
  await expect(participants.rowCount).toHaveText(`${before.toLocaleString()}人`)
})
