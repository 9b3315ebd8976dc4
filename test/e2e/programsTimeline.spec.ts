import { expect, test } from './fixtures'
import { ParticipantsActions } from './pages/participantsActions'

function daysAgo(n: number): string {
  const d = new Date(Date.now() - n * 86_400_000)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

test('the timeline suggests つながる after 3 involvements in 12 months; accepting records the stage change', async ({
  shell,
  participants,
  door,
  page,
}) => {
  const person = (await door.call('contacts.create', {
    fields: { familyName: '提案', givenName: '三回', familyKana: 'テイアン', givenKana: 'サンカイ', stage: 'atatameru' },
  })) as { id: string }
  for (const [n, mode] of [
    [200, 'onsite'],
    [90, 'online'],
    [10, 'onsite'],
  ] as const)
    await door.call('visits.create', { contactIds: [person.id], fields: { visitDate: daysAgo(n), mode } })

  await shell.open(door.url)
  await participants.waitForRows()
  await participants.searchFor('テイアンサンカイ')
  await expect(participants.rowCount).toHaveText('1人（絞り込み中）')
  const actions = new ParticipantsActions(page, participants)
  await actions.openDetail(0)
  const timeline = actions.panel.getByTestId('person-timeline')
  await expect(timeline.getByTestId('timeline-visit')).toHaveCount(3)
  const suggestion = timeline.getByTestId('stage-suggestion')
  await expect(suggestion).toContainText('3回の関わり')
  await expect(suggestion).toContainText('「あたためる」から「つながる」')
  await suggestion.getByRole('button', { name: '「つながる」に変更する' }).click()
  await expect(timeline.getByTestId('stage-suggestion')).toHaveCount(0)
  await expect(timeline).toContainText('段階を「つながる」に変更しました')
  await expect(timeline.getByTestId('timeline-stage').first()).toContainText('「つながる」になりました')
  await expect(timeline.getByTestId('timeline-stage').first()).toContainText('提案を採用')
})
