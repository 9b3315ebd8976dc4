import { expect, test } from './fixtures'
import { ParticipantsActions } from './pages/participantsActions'
import { SafetyPage } from './pages/safetyPage'

test.describe('backups in settings', () => {
  test('settings show where backups are; make a backup, change data, restore it, see the old data', async ({
    page,
    shell,
    door,
  }) => {
    const safety = new SafetyPage(page)
    await shell.open(door.url, 'settings')
    await expect(safety.backups).toContainText('保存先')
    await expect(page.getByTestId('backup-dir')).toContainText('backups')

    await safety.backupNow()
    await expect(safety.lastBackup).toContainText('手動')
    const people = (await door.call('app.info')) as { counts: { contacts: number } }
    await expect(safety.backupRows.first()).toContainText(`参加者 ${people.counts.contacts.toLocaleString('ja-JP')}人`)

    // Change data behind the screen: a new person appears in the counts.
    await door.call('contacts.create', { fields: { familyName: '一時登録', givenName: '試験' } })
    await page.reload()
    await shell.goTo('settings')
    const info = page.getByTestId('database-info')
    await expect(info).toContainText((people.counts.contacts + 1).toLocaleString('ja-JP'))

    // Restore the manual backup (the newest is now that one or a later automatic one: pick "手動").
    const manual = safety.backupRows.filter({ hasText: '手動' }).first()
    const index = await safety.backupRows.evaluateAll((rows, el) => rows.indexOf(el as HTMLElement), await manual.elementHandle())
    const question = await safety.restoreRow(index)
    expect(question).toContain('今のデータは復元の前に別のバックアップとして保存されます')
    await expect(info).toContainText(people.counts.contacts.toLocaleString('ja-JP'))
    const list = (await door.call('contacts.list', { search: '一時登録', limit: 10 })) as { total: number }
    expect(list.total).toBe(0)
    // The state before the restore was kept as a backup too.
    await expect(safety.backupRows.filter({ hasText: '復元前' })).toHaveCount(1)
    // The long message beside it does not squeeze 今すぐバックアップ onto two lines (an old 1024 px laptop).
    await page.setViewportSize({ width: 1024, height: 768 })
    const labelLines = await page.getByTestId('backup-now').evaluate((button) => {
      const range = document.createRange()
      range.selectNodeContents(button)
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
    })
    expect(labelLines).toBe(1)
  })
})

test.describe('a backup under an earlier passphrase', () => {
  test('asks for that passphrase, restores, and the database keeps today’s passphrase', async ({ page, shell, door }) => {
    await door.call('safety.setPassphrase', { next: 'yamabiko-2024' })
    const old = (await door.call('safety.backupNow')) as { id: string }
    await door.call('contacts.create', { fields: { familyName: '暗号後登録', givenName: '試験' } })
    await door.call('safety.setPassphrase', { current: 'yamabiko-2024', next: 'kawasemi-2025' })
    try {
      const safety = new SafetyPage(page)
      await shell.open(door.url, 'settings')
      const backups = (await door.call('safety.listBackups')) as { id: string }[]
      const index = backups.findIndex((b) => b.id === old.id)
      await safety.askRestore(index)

      const form = page.getByTestId('backup-passphrase-form')
      await expect(form).toContainText('以前のパスフレーズで暗号化されています')
      const input = form.getByLabel('バックアップを作ったときのパスフレーズ')
      await expect(input).toBeFocused()
      await input.fill('not-this-one')
      await input.press('Enter')
      await expect(form.getByRole('alert')).toContainText('パスフレーズが違います')
      await input.fill('yamabiko-2024')
      await form.getByRole('button', { name: '復元する' }).click()
      await expect(safety.message).toContainText('戻しました')
      await expect(form).toHaveCount(0)
      // The person added after that backup is gone: the backup's data is back.
      const list = (await door.call('contacts.list', { search: '暗号後登録', limit: 10 })) as { total: number }
      expect(list.total).toBe(0)
    } finally {
      // The door is shared by the worker's other tests: leave it unencrypted.
      await door.call('safety.setPassphrase', { current: 'kawasemi-2025', next: null })
    }
  })
})

test.describe('privacy actions on a person', () => {
  test('anonymize a person from their detail page, after a Japanese confirmation', async ({
    page,
    shell,
    participants,
    door,
  }) => {
    const person = (await door.call('contacts.create', {
      fields: {
        familyName: '匿名化',
        givenName: '予定',
        familyKana: 'トクメイカ',
        givenKana: 'ヨテイ',
        email: 'tokumei@example.jp',
        prefectureCode: '32',
      },
    })) as { id: string }
    await shell.open(door.url)
    await participants.waitForRows()
    await participants.searchFor('トクメイカ')
    await participants.waitForRows()
    const actions = new ParticipantsActions(page, participants)
    await actions.openDetail(0)
    const safety = new SafetyPage(page)
    const privacy = safety.privacy(actions.panel)
    await privacy.anonymize.click()
    await expect(privacy.dialog).toContainText('過去の集計の数字は変わりません')
    await privacy.confirm.click()
    await expect(actions.panel.getByTestId('privacy-message')).toContainText('匿名化しました')
    const after = (await door.call('contacts.get', { id: person.id })) as {
      familyName: string
      email: string | null
      prefectureCode: string
    }
    expect(after).toMatchObject({ familyName: '匿名', email: null, prefectureCode: '32' })
  })
})

test('the retention review lists people deleted in the grid too, and each can be deleted for good from the list', async ({
  page,
  shell,
  door,
}) => {
  // Deleted in the grid: hidden, but every detail is still held until deleted for good.
  const person = (await door.call('contacts.create', {
    fields: { familyName: '保存期間', givenName: '試験', familyKana: 'ホゾンキカン', email: 'hozon.kikan@example.jp' },
  })) as { id: string }
  await door.call('contacts.delete', { ids: [person.id] })
  await shell.open(door.url, 'settings')
  const panel = page.getByTestId('retention-panel')
  await panel.getByLabel('最後のかかわりから').fill('0')
  await panel.getByRole('button', { name: '一覧を表示' }).click()
  await expect(panel.getByRole('alert')).toHaveText('1〜50の年数を入力してください。')
  await panel.getByLabel('最後のかかわりから').fill('3')
  await panel.getByRole('button', { name: '一覧を表示' }).click()
  const row = panel.getByTestId('retention-row').filter({ hasText: '保存期間 試験' })
  await expect(row).toContainText('削除済み')
  await expect(row).toContainText('ホゾンキカン')
  await row.getByRole('button', { name: '対応する' }).click()
  await panel.getByTestId('privacy-delete').click()
  // Styled although 参加者 (whose screen first used this dialog) was never opened.
  const ask = page.getByRole('dialog')
  expect(await ask.evaluate((el) => getComputedStyle(el).paddingLeft)).toBe('22px')
  await ask.getByRole('button', { name: '完全に削除する' }).click()
  await expect(row).toHaveCount(0)
  const stored = (await door.call('contacts.list', { search: 'hozon.kikan@example.jp' })) as { total: number }
  expect(stored.total).toBe(0)
  await expect(door.call('contacts.get', { id: person.id })).rejects.toThrow()
})

test.describe('people erased after a backup', () => {
  test('restoring it says how many would be erased again, and by default keeps the person anonymized', async ({
    page,
    shell,
    door,
  }) => {
    const person = (await door.call('contacts.create', {
      fields: { familyName: '架空消去', givenName: '試験', email: 'kaku@example.jp' },
    })) as { id: string }
    const backup = (await door.call('safety.backupNow')) as { id: string }
    await door.call('privacy.anonymize', { contactId: person.id })

    const safety = new SafetyPage(page)
    await shell.open(door.url, 'settings')
    const backups = (await door.call('safety.listBackups')) as { id: string }[]
    await safety.backupRows
      .nth(backups.findIndex((b) => b.id === backup.id))
      .getByRole('button', { name: 'この時点に戻す' })
      .click()
    const dialog = page.getByTestId('backup-restore')
    const choice = dialog.getByTestId('restore-erased')
    await expect(choice).toContainText('このバックアップの後に匿名化または完全に削除した参加者が 1人います')
    await expect(choice.getByRole('radio', { name: 'もう一度匿名化・削除する（おすすめ）' })).toBeChecked()
    await expect(choice.getByRole('radio', { name: /バックアップにある内容に戻す/ })).not.toBeChecked()
    await expect(dialog.getByRole('button', { name: 'キャンセル' })).toBeFocused()
    await page.getByTestId('backup-restore-confirm').click()

    await expect(safety.message).toContainText('戻しました', { timeout: 30_000 })
    await expect(safety.message).toContainText('バックアップの後に匿名化・削除した 1人は、もう一度匿名化・削除しました。')
    const restored = (await door.call('contacts.get', { id: person.id })) as { familyName: string; email: string | null }
    expect(restored).toMatchObject({ familyName: '匿名', email: null })
  })
})
