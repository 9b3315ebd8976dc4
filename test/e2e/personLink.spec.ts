import { expect, test } from './fixtures'

/** A person's name opens that person: ホーム's しばらく会っていない人 link to 参加者 with their panel. */
test('ホーム: a lapsed person’s name opens them in 参加者 (keyboard), and Back returns to ホーム', async ({
  page,
  shell,
  door,
}) => {
  await shell.open(door.url, 'home')
  const follow = page.getByTestId('home-follow-up')
  const link = follow.getByRole('link').first()
  await expect(link).toBeVisible()
  const name = (await link.textContent())!.trim()
  const [family, given] = name.split(' ')

  await link.focus()
  await page.keyboard.press('Enter')
  await expect(shell.pageTitle).toHaveText('参加者')
  const panel = page.getByTestId('person-panel')
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(`${family} ${given}`)
  await expect(panel).toBeFocused() // the keyboard lands on the person it asked for
  expect(await page.evaluate(() => location.hash)).toMatch(/^#\/participants\?person=/)

  // Closed: the address no longer names them, and Back still leads to ホーム.
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  expect(await page.evaluate(() => location.hash)).toBe('#/participants')
  await page.goBack()
  await expect(shell.pageTitle).toHaveText('ホーム')

  // Alt+← (the desktop window has no Back button) with the panel still open: ホーム again.
  await follow.getByRole('link').first().click()
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(`${family} ${given}`)
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(shell.pageTitle).toHaveText('ホーム')
})

test('参加者: a link to someone not on record says so in Japanese, with no empty panel', async ({ page, shell, door }) => {
  // Someone deleted for good (完全に削除): their id is nowhere any more.
  const person = (await door.call('contacts.create', { fields: { familyName: '消去', givenName: '試験' } })) as { id: string }
  await door.call('privacy.delete', { contactId: person.id, expectedVisits: 0 })
  await shell.open(door.url, 'home')
  await page.evaluate((id) => (location.hash = `#/participants?person=${id}`), person.id)
  const alert = page.getByTestId('participants-error')
  await expect(alert).toContainText('参加者が見つかりません')
  await expect(alert).toContainText('リンク先の参加者は登録されていません。')
  await expect(page.getByTestId('person-panel')).toHaveCount(0)
  await expect(page.getByTestId('participants-notice')).toHaveCount(0) // not 「さんのデータを削除しました」
})
