import { expect, test } from './fixtures'

// A new user's first start: an empty database, not the demo.
test.use({ demo: false })

test('secondary buttons are styled on a screen opened before 参加者 or プログラム', async ({ door, shell, page }) => {
  // The import screen is the first thing many new users open (their Excel list).
  await shell.open(door.url, 'import')
  const readPasted = page.getByTestId('import-paste-read')
  await expect(readPasted).toBeVisible()
  const look = await readPasted.evaluate((b) => {
    const s = getComputedStyle(b)
    return { border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`, radius: s.borderTopLeftRadius }
  })
  expect(look).toEqual({ border: '1px solid rgb(201, 208, 216)', radius: '6px' })
})
