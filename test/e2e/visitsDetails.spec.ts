import { expect, test } from './fixtures'

/** What a coordinator needs to read off 訪問・参加記録: the メモ written with a visit, and whose visit it is. */
// Few records, so every row is on the first page (the doors of a worker share one database).
test.use({ demo: false })

test('a visit’s メモ is shown in the list, whole on hover, and fixed in its cell as an undo step', async ({
  shell,
  door,
  page,
}) => {
  const person = (await door.call('contacts.create', {
    fields: { familyName: '覚書', givenName: '留美', familyKana: 'オボエガキ', givenKana: 'ルミ' },
  })) as { id: string }
  await shell.open(door.url, 'visits')
  await page.getByTestId('visit-new').click()
  const form = page.getByTestId('visit-form')
  await form.getByTestId('visit-person-search').locator('input[type="search"]').fill('おぼえがき')
  await form.locator('label', { hasText: '覚書 留美' }).locator('input[type="checkbox"]').check()
  await form.locator('input[name="visitDate"]').fill('2025-06-07')
  await form.locator('input[name="purpose"]').fill('空き家の相談')
  await form.locator('textarea[name="notes"]').fill('次回は役場の移住担当も同席。\n7月に再訪の予定')
  await page.getByTestId('visit-save').click()
  await expect(page.getByText('1件を記録しました')).toBeVisible()

  const row = page.locator('.ag-row', { hasText: '空き家の相談' })
  await expect(row).toHaveCount(1)
  // From the purpose cell, one arrow key to the right is the メモ (the grid scrolls to it).
  await row.locator('[col-id="purpose"]').click()
  await page.keyboard.press('ArrowRight')
  const notes = row.locator('[col-id="notes"]')
  await expect(notes).toBeFocused()
  await expect(notes).toHaveText('次回は役場の移住担当も同席。 7月に再訪の予定')
  await expect(notes.getByTestId('visit-notes')).toHaveAttribute('title', '次回は役場の移住担当も同席。\n7月に再訪の予定')

  // Enter opens the editor with the whole note; Enter saves what was typed.
  await page.keyboard.press('Enter')
  const editor = page.locator('.ag-large-text textarea')
  await expect(editor).toBeFocused()
  await expect(editor).toHaveValue('次回は役場の移住担当も同席。\n7月に再訪の予定')
  await editor.fill('8月に再訪の予定')
  await editor.press('Enter')
  await expect(notes).toHaveText('8月に再訪の予定')
  const saved = (await door.call('visits.list', { contactId: person.id })) as { rows: { notes: string | null }[] }
  expect(saved.rows.map((r) => r.notes)).toEqual(['8月に再訪の予定'])
  await expect(page.getByTestId('visits-undo')).toHaveAttribute('title', /訪問・参加記録の変更（2025\/06\/07）/)

  await page.getByTestId('visits-undo').click()
  await expect(page.getByTestId('visits-notice')).toHaveText('「訪問・参加記録の変更（2025/06/07）」を元に戻しました。')
  await expect(notes).toHaveText('次回は役場の移住担当も同席。 7月に再訪の予定')
})

test('two people of the same name are told apart in the picker and in 選択中', async ({ shell, door, page }) => {
  for (const fields of [
    {
      familyName: '同名',
      givenName: '花子',
      familyKana: 'ドウメイ',
      givenKana: 'ハナコ',
      birth: '1990',
      municipalityCode: '202029',
    },
    { familyName: '同名', givenName: '花子', familyKana: 'ドウメイ', givenKana: 'ハナコ', birth: '1985', prefectureCode: '13' },
  ])
    await door.call('contacts.create', { fields })
  await shell.open(door.url, 'visits')
  await page.getByTestId('visit-new').click()
  const picker = page.getByTestId('visit-person-search')
  await picker.locator('input[type="search"]').fill('どうめい')
  const choices = picker.locator('.person-results label')
  await expect(choices).toHaveCount(2)
  await expect(choices.locator('.person-meta')).toHaveText(['1990年生まれ・長野県松本市', '1985年生まれ・東京都'], {
    useInnerText: true,
  })

  await choices.filter({ hasText: '1985年生まれ' }).locator('input[type="checkbox"]').check()
  await expect(picker.getByTestId('person-selected')).toHaveText('選択中 1人：同名 花子（1985年生まれ・東京都）')
  await choices.filter({ hasText: '1990年生まれ' }).locator('input[type="checkbox"]').check()
  await expect(picker.getByTestId('person-selected')).toHaveText(
    '選択中 2人：同名 花子（1985年生まれ・東京都）、同名 花子（1990年生まれ・長野県松本市）',
  )
})

test('a visit’s person opens from the 参加者 cell, by click or by Enter, and Esc comes back to it', async ({
  shell,
  door,
  page,
}) => {
  const person = (await door.call('contacts.create', {
    fields: { familyName: '来訪', givenName: '開子', familyKana: 'ライホウ', givenKana: 'ヒラコ', email: 'hirako@example.jp' },
  })) as { id: string }
  await door.call('visits.create', {
    contactIds: [person.id],
    fields: { visitDate: '2025-05-10', mode: 'onsite', purpose: '移住相談' },
  })
  await shell.open(door.url, 'visits')
  const row = page.locator('.ag-row', { hasText: '移住相談' })
  const name = row.locator('[col-id="contactName"]')
  await expect(name).toHaveText('来訪 開子')

  await name.getByTestId('visit-person').click()
  const panel = page.getByTestId('person-panel')
  await expect(panel.locator('h2')).toHaveText('来訪 開子')
  await expect(panel).toContainText('hirako@example.jp')
  await panel.getByRole('button', { name: '閉じる' }).click()
  await expect(panel).toHaveCount(0)

  // Keyboard only: from the date cell, one arrow to the name, Enter opens, Esc closes.
  await row.locator('[col-id="visitDate"]').click()
  await page.keyboard.press('ArrowRight')
  await expect(name).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(panel).toBeFocused()
  await expect(panel.locator('h2')).toHaveText('来訪 開子')
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await expect(name).toBeFocused()
})

test('a visit recorded for the wrong person is moved to the right one, and 元に戻す moves it back', async ({
  shell,
  door,
  page,
}) => {
  const ids: string[] = []
  for (const fields of [
    { familyName: '取違', givenName: '一美', familyKana: 'トリチガエ', givenKana: 'カズミ' },
    { familyName: '取違', givenName: '二美', familyKana: 'トリチガエ', givenKana: 'フタミ' },
  ])
    ids.push(((await door.call('contacts.create', { fields })) as { id: string }).id)
  await door.call('visits.create', {
    contactIds: [ids[0]],
    fields: { visitDate: '2025-09-20', mode: 'onsite', purpose: '棚田の草刈り', notes: '長靴を持参' },
  })
  await shell.open(door.url, 'visits')
  const row = page.locator('.ag-row', { hasText: '棚田の草刈り' })
  await expect(row.locator('[col-id="contactName"]')).toHaveText('取違 一美')
  await expect(page.getByTestId('visits-change-person')).toBeDisabled()
  await row.locator('.ag-selection-checkbox input').check()
  await page.getByTestId('visits-change-person').click()

  const dialog = page.getByTestId('visit-change-person')
  await expect(dialog).toContainText('2025/09/20の取違 一美さんの記録を、別の人の記録にします。')
  await dialog.getByTestId('visit-change-person-save').click()
  await expect(dialog.getByRole('alert')).toHaveText('変更先の参加者を選んでください')
  await expect(dialog.locator('input[type="search"]')).toBeFocused()
  await page.keyboard.type('とりちがえ')
  // The person it is now is not offered.
  await expect(dialog.locator('.person-results label')).toHaveCount(1)
  await dialog.locator('label', { hasText: '取違 二美' }).locator('input[type="checkbox"]').check()
  await dialog.getByTestId('visit-change-person-save').click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('visits-notice')).toHaveText('2025/09/20の記録を取違 一美さんから取違 二美さんに変更しました。')
  await expect(row.locator('[col-id="contactName"]')).toHaveText('取違 二美')
  const moved = (await door.call('visits.list', { contactId: ids[1] })) as { rows: { notes: string | null }[] }
  expect(moved.rows.map((r) => r.notes)).toEqual(['長靴を持参'])

  await page.getByTestId('visits-undo').click()
  await expect(row.locator('[col-id="contactName"]')).toHaveText('取違 一美')
})

test('a roster saved with the wrong people ticked is taken back with 元に戻す on 訪問・参加記録', async ({
  shell,
  door,
  page,
}) => {
  const ids: string[] = []
  for (const givenName of ['正子', '誤子']) {
    const c = (await door.call('contacts.create', {
      fields: { familyName: '出欠', givenName, familyKana: 'シュッケツ', givenKana: 'マサコ' },
    })) as { id: string }
    ids.push(c.id)
  }
  const program = (await door.call('programs.create', {
    fields: { name: '棚田体験2025', category: 'study_tour', startDate: '2025-10-11', endDate: '2025-10-11' },
  })) as { id: string }
  const session = (await door.call('sessions.create', {
    programId: program.id,
    fields: { date: '2025-10-11', startTime: '10:00', mode: 'onsite' },
  })) as { id: string }
  await door.call('roster.save', {
    sessionId: session.id,
    entries: [{ contactId: ids[0], attended: true, mode: 'onsite', nights: 0 }],
  })
  // The wrong save: 正子 unticked, 誤子 ticked.
  await door.call('roster.save', {
    sessionId: session.id,
    entries: [
      { contactId: ids[0], attended: false, mode: 'onsite', nights: 0 },
      { contactId: ids[1], attended: true, mode: 'onsite', nights: 0 },
    ],
  })
  await shell.open(door.url, 'visits')
  const rows = page.locator('.ag-row', { hasText: '棚田体験2025' })
  await expect(rows.locator('[col-id="contactName"]')).toHaveText(['出欠 誤子'])
  await expect(page.getByTestId('visits-undo')).toHaveAttribute(
    'title',
    '元に戻す：出欠の保存（棚田体験2025・2025/10/11）（Ctrl+Z）',
  )

  await page.getByTestId('visits-undo').click()
  await expect(page.getByTestId('visits-notice')).toHaveText('「出欠の保存（棚田体験2025・2025/10/11）」を元に戻しました。')
  await expect(rows.locator('[col-id="contactName"]')).toHaveText(['出欠 正子'])
})
