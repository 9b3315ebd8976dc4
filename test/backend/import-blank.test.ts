import { describe, expect, it } from 'vitest'
import { freshBackend } from './tempDb'

/** A file whose cells are all blank is refused the same way whatever it is imported as. */
describe('importing a file with only blank cells', () => {
  const blank = { fileName: 'blank.csv', base64: Buffer.from(',,\r\n , ,\r\n,,\r\n', 'utf8').toString('base64') }

  it.each(['contacts', 'visits', 'programs'] as const)('as %s: refused before any preview, nothing written', async (kind) => {
    const { client, context } = await freshBackend()
    await expect(client.call('import.preview', { source: blank, kind })).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE',
      message: '取り込める行がありません（空のファイルか、空のシートです）。',
      details: { fileName: 'blank.csv' },
    })
    expect(context.handle.sqlite.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0)
  })
})
