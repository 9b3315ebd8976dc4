import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import { auditCarryFailed, recordRestoreLine } from '../../electron/backend/safety/safetyAudit'
import { auditLines } from './safetyHelpers'
import { tempDir } from './tempDb'

describe('the restore line when the replaced log cannot be carried over', () => {
  it('says that neither the log nor the erasures after the backup were carried over', async () => {
    const dir = tempDir()
    const b = await openBackend({ file: path.join(dir, 'kakehashi.db'), userName: 'tester', dailyBackup: false })
    try {
      // Not a database: ATTACH fails, as a replaced copy that cannot be read would.
      const unreadable = path.join(dir, 'replaced.db')
      fs.writeFileSync(unreadable, 'これはデータベースではありません'.repeat(400))
      const outcome = await recordRestoreLine(b.context, { backup: 'x.db' }, { file: unreadable, key: undefined })
      expect(outcome).toEqual({ reapplied: 0, broughtBack: 0 })
      expect(auditLines(b.context.handle.sqlite).at(-1)).toMatchObject({
        action: 'restore',
        changes: { auditCarried: [null, auditCarryFailed] },
      })
      expect(auditCarryFailed).toContain('再適用されていません')
    } finally {
      await b.close()
    }
  })
})
