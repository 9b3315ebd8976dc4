import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { auditValueText } from '../../renderer/src/features/audit/auditFields'

const t = ((key: string) => key) as unknown as TFunction

describe('auditValueText', () => {
  it('shows a stored instant (a restored backup’s time) as the 日時 column does, not as ISO text', () => {
    const at = '2026-12-03T17:31:07.577Z'
    expect(auditValueText(t, at)).toBe(new Date(at).toLocaleString('ja-JP'))
    expect(auditValueText(t, at)).not.toContain('T17')
  })

  it('leaves dates, text and numbers as recorded', () => {
    expect(auditValueText(t, '2026-12-03')).toBe('2026-12-03')
    expect(auditValueText(t, '漁師')).toBe('漁師')
    expect(auditValueText(t, 3)).toBe('3')
    expect(auditValueText(t, null)).toBe('—')
    expect(auditValueText(t, ['地域', 'SNS'])).toBe('地域、SNS')
  })
})
