import { expect, test } from './fixtures'

/** A coordinator's corrections on 訪問・参加記録: a wrong day fixed in the grid, a mistake deleted, both undone. */
// Few records, so every row is on the first page (the doors of a worker share one database).
test.use({ demo: false })

test('a wrong date is fixed in its cell with the keyboard, and Ctrl+Z takes it back', async ({ shell, door, page }) => {
  const person = (await door.call('contacts.create', {
    fields: { familyName: '日付', givenName: '直子', familyKana: 'ヒヅケ', givenKana: 'ナオコ' },
  })) as { id: string }
  await door.call('visits.create', {
    contactIds: [person.id],
    fields: { visitDate: '2025-08-15', mode: 'onsite', purpose: '夏祭りの手伝い' },
  })
  await shell.open(door.url, 'visits')
  const row = page.locator('.ag-row', { hasText: '日付 直子' })
  await expect(row).toHaveCount(1)

  // Enter on the date cell opens its editor; the new day is typed and Enter saves it.
  await row.locator('[col-id="visitDate"]').click()
  await page.keyboard.press('Enter')
  const editor = row.locator('[col-id="visitDate"] input')
  await expect(editor).toBeFocused()
  await editor.fill('2025-08-16')
  await editor.press('Enter')
  await expect(row.locator('[col-id="visitDate"]')).toHaveText('2025/08/16')
  await expect(page.getByTestId('visits-undo')).toHaveAttribute('title', /訪問・参加記録の変更（2025\/08\/15）/)
  const saved = (await door.call('visits.list', { contactId: person.id })) as { rows: { visitDate: string }[] }
  expect(saved.rows.map((r) => r.visitDate)).toEqual(['2025-08-16'])

  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('visits-notice')).toHaveText('「訪問・参加記録の変更（2025/08/15）」を元に戻しました。')
  await expect(row.locator('[col-id="visitDate"]')).toHaveText('2025/08/15')
})

test('visits recorded by mistake are deleted after a confirmation and come back with 元に戻す', async ({ shell, door, page }) => {
  const ids: string[] = []
  for (const givenName of ['一子', '二郎']) {
    const c = (await door.call('contacts.create', {
      fields: { familyName: '誤記', givenName, familyKana: 'ゴキ', givenKana: 'カズコ' },
    })) as { id: string }
    ids.push(c.id)
  }
  await door.call('visits.create', { contactIds: ids, fields: { visitDate: '2025-09-01', mode: 'online' } })
  await shell.open(door.url, 'visits')
  const rows = page.locator('.ag-row', { hasText: '誤記' })
  await expect(rows).toHaveCount(2)
  await expect(page.getByTestId('visits-delete')).toBeDisabled()
  for (const i of [0, 1]) await rows.nth(i).locator('.ag-selection-checkbox input').check()
  await expect(page.getByTestId('visits-selected')).toHaveText('2件を選択中')

  await page.getByTestId('visits-delete').click()
  const dialog = page.getByTestId('visits-delete-confirm')
  await expect(dialog).toContainText('2件の記録を削除しますか？')
  await dialog.getByRole('button', { name: '削除する' }).click()
  await expect(page.getByTestId('visits-notice')).toHaveText('2件の記録を削除しました。')
  await expect(rows).toHaveCount(0)

  await page.getByTestId('visits-undo').click()
  await expect(page.getByTestId('visits-notice')).toHaveText('「訪問・参加記録の削除（2件）」を元に戻しました。')
  await expect(rows).toHaveCount(2)
})

test('a roster visit keeps its session date: its date cell does not open an editor', async ({ shell, door, page }) => {
  const person = (await door.call('contacts.create', {
    fields: { familyName: '出席', givenName: '表子', familyKana: 'シュッセキ', givenKana: 'ヒョウコ' },
  })) as { id: string }
  const program = (await door.call('programs.create', {
    fields: { name: '棚田ツアー2025', category: 'study_tour', startDate: '2025-10-04', endDate: '2025-10-04' },
  })) as { id: string }
  const session = (await door.call('sessions.create', {
    programId: program.id,
    fields: { date: '2025-10-04', startTime: '10:00', mode: 'onsite' },
  })) as { id: string }
  await door.call('roster.save', {
    sessionId: session.id,
    entries: [{ contactId: person.id, attended: true, mode: 'onsite', nights: 0 }],
  })
  await shell.open(door.url, 'visits')
  const first = page.locator('.ag-row', { hasText: '出席 表子' })
  await expect(first).toBeVisible()
  await first.locator('[col-id="visitDate"]').dblclick()
  await expect(first.locator('[col-id="visitDate"] input')).toHaveCount(0)
  // The place of the same visit can be changed: the row is editable, only its day is not.
  await first.locator('[col-id="purpose"]').dblclick()
  await expect(first.locator('[col-id="purpose"] input')).toBeFocused()
  await page.keyboard.press('Escape')
})

test('監査ログ names whose visit a line is about, not an id', async ({ shell, door, page }) => {
  const person = (await door.call('contacts.create', {
    fields: { familyName: '記録', givenName: '確子', familyKana: 'キロク', givenKana: 'タシコ' },
  })) as { id: string }
  await door.call('visits.create', { contactIds: [person.id], fields: { visitDate: '2025-11-03', mode: 'onsite' } })
  await shell.open(door.url, 'audit')
  await page.getByTestId('audit-filters').locator('label', { hasText: '対象' }).locator('select').selectOption('visit')
  const line = page.getByTestId('audit-row').filter({ hasText: '2025-11-03' })
  await expect(line.getByTestId('audit-person')).toHaveText('記録 確子')
  await expect(line).toContainText('参加者 — → 記録 確子')
  await expect(line).not.toContainText(person.id)

  // The funnel after their name filters the log to them: their registration and their visit.
  await line.getByTestId('audit-person-filter').click()
  await expect(page.getByTestId('audit-filters').locator('label', { hasText: '参加者ID' }).locator('input')).toHaveValue(
    person.id,
  )
  await page.getByTestId('audit-filters').locator('label', { hasText: '対象' }).locator('select').selectOption('')
  await expect(page.getByTestId('audit-row')).toHaveCount(2)
  await expect(page.getByTestId('audit-person')).toHaveText(['記録 確子', '記録 確子'])
})

test('ホーム offers the 年度 of visits recorded without any program, and counts them', async ({ shell, door, page }) => {
  const person = (await door.call('contacts.create', {
    fields: { familyName: '元年', givenName: '訪子', familyKana: 'ガンネン', givenKana: 'ホウコ' },
  })) as { id: string }
  await door.call('visits.create', { contactIds: [person.id], fields: { visitDate: '2019-05-01', mode: 'onsite' } })
  await shell.open(door.url, 'home')
  await page.getByTestId('home-fiscal-year').selectOption({ label: '令和元年度（2019年度）' })
  await expect(page.getByTestId('home-unique-people')).toContainText('1人')
  await shell.open(door.url, 'visits')
  await expect(page.getByTestId('visits-filter-year').locator('option', { hasText: '令和元年度' })).toHaveCount(1)
})
