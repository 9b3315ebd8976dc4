import { expect, test } from './fixtures'
import { AuditPage } from './pages/auditPage'

const roster =
  '氏名,フリガナ,メール\n隠岐 港,オキ ミナト,minato@example.jp\n海士 凪,アマ ナギ,nagi@example.jp\n知夫 渚,チブ ナギサ,nagisa@example.jp\n'

test('監査ログ: a batch cell names the import, filters the log to it, combines with the filters, and clears', async ({
  page,
  shell,
  door,
}) => {
  // Behind the screen: an import of three people, then a bulk stage change of two of them.
  const preview = (await door.call('import.preview', { source: { fileName: '名簿2024.csv', text: roster } })) as {
    previewId: string
  }
  await door.call('import.commit', { previewId: preview.previewId, onDuplicate: 'new' })
  const people = (await door.call('contacts.list', { search: 'example.jp', limit: 1000 })) as {
    rows: { id: string; email: string }[]
  }
  const imported = people.rows.filter((p) => /^(minato|nagi)@/.test(p.email)).map((p) => p.id)
  await door.call('contacts.setStage', { ids: imported, stage: 'tsunagaru' })

  const audit = new AuditPage(page)
  await shell.open(door.url, 'audit')
  await expect(shell.pageTitle).toHaveText('監査ログ')
  await expect(page.getByRole('columnheader', { name: '一括処理' })).toBeVisible()
  const importCells = audit.batchCells('取り込み：名簿2024.csv')
  await expect(importCells.first()).toBeVisible()
  await expect(audit.batchCells('一括 #').first()).toBeVisible() // the stage change
  const total = await audit.count.textContent()

  await importCells.first().click()
  await expect(audit.batchChip).toContainText('一括処理「取り込み：名簿2024.csv」の記録だけを表示しています')
  await expect(audit.count).toHaveText('3件 / 全3件')
  await expect(audit.rows).toHaveCount(3)
  await expect(audit.rows.filter({ hasText: '取り込み：名簿2024.csv' })).toHaveCount(3)

  // AND with the other filters: the import wrote no 変更 lines; back to 取り込み shows them again.
  await audit.filterAction('変更')
  await expect(audit.count).toHaveText('0件 / 全0件')
  await expect(audit.batchChip).toBeVisible()
  await audit.filterAction('取り込み')
  await expect(audit.rows).toHaveCount(3)

  // × drops only the batch filter; 条件をクリア drops the rest.
  await audit.clearBatch()
  await expect(audit.batchChip).toHaveCount(0)
  await expect(audit.rows.filter({ hasText: '一括 #' })).toHaveCount(0) // still only 取り込み lines
  await page.getByRole('button', { name: '条件をクリア' }).click()
  await expect(audit.count).toHaveText(total!)
})

test('監査ログ: changed fields are named in Japanese, as in the person panel', async ({ page, shell, door }) => {
  const person = (await door.call('contacts.create', { fields: { familyName: '項目名', givenName: '確認' } })) as {
    id: string
  }
  await door.call('contacts.update', { id: person.id, patch: { phone: '090-0000-1234', notes: '電話は夕方に' } })
  const audit = new AuditPage(page)
  await shell.open(door.url, 'audit')
  await page.getByLabel('参加者ID').fill(person.id)
  const update = audit.rows.filter({ hasText: '090-0000-1234' })
  await expect(update).toHaveCount(1)
  await expect(update).toContainText('電話 — → 090-0000-1234')
  await expect(update).toContainText('メモ — → 電話は夕方に')
  await expect(update).not.toContainText('phone')
  await expect(update).not.toContainText('notes')
})

test('監査ログ: after 参加者を変更 each line names its person then; a name opens that person', async ({ page, shell, door }) => {
  const create = async (familyName: string, givenName: string) =>
    ((await door.call('contacts.create', { fields: { familyName, givenName } })) as { id: string }).id
  const first = await create('移前', '花子')
  const second = await create('移後', '一郎')
  const hidden = await create('匿名予定', '次郎')
  const visit = (await door.call('visits.create', {
    contactIds: [first],
    fields: { visitDate: '2025-10-12', mode: 'onsite' },
  })) as { ids: string[] }
  await door.call('visits.update', { id: visit.ids[0], patch: { contactId: second } })
  await door.call('privacy.anonymize', { contactId: hidden })

  const audit = new AuditPage(page)
  await shell.open(door.url, 'audit')
  const lines = audit.rows.filter({ hasText: visit.ids[0]!.slice(-8) })
  await expect(lines).toHaveCount(2)
  // The move names both people, in words; the 登録 line still names whom it recorded.
  await expect(lines.nth(0).getByTestId('audit-moved')).toHaveText('移前 花子 から 移後 一郎 へ')
  await expect(lines.nth(1).getByTestId('audit-person')).toHaveText('移前 花子')

  // An anonymized person is plain text: there is nobody to open.
  const anonymized = audit.rows.filter({ hasText: '匿名化' }).first()
  await expect(anonymized.getByTestId('audit-person')).toHaveText('匿名')
  await expect(anonymized.getByRole('link')).toHaveCount(0)

  // A name opens the person in 参加者, and Back comes back to the log.
  await lines.nth(1).getByRole('link', { name: '移前 花子' }).click()
  await expect(shell.pageTitle).toHaveText('参加者')
  await expect(page.getByTestId('person-panel').getByRole('heading', { level: 2 })).toHaveText('移前 花子')
  await page.goBack()
  await expect(shell.pageTitle).toHaveText('監査ログ')
})
