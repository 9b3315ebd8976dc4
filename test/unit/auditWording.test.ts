import { describe, expect, it } from 'vitest'
import { readableRow } from '../../shared/domain/disclosure'
import { auditActions, auditEntities } from '../../shared/domain/vocabulary'
import { ja } from '../../renderer/src/i18n/ja'
import { en } from '../../renderer/src/i18n/en'

// The 監査ログ screen, the person panel's 変更履歴 (both read `audit.actions`) and the 開示 file
// must name an audit line alike: a coordinator matching a disclosure to the screen reads one word.
describe('audit wording', () => {
  it('the screens and the disclosure file take the action and target labels from the vocabulary', () => {
    expect(ja.audit.actions).toEqual(auditActions.labels)
    expect(ja.audit.entities).toEqual(auditEntities.labels)
    for (const code of auditActions.codes) {
      expect(readableRow('auditLog', { action: code })).toEqual({ 操作: ja.audit.actions[code] })
    }
    expect(ja.audit.actions.import).toBe('取り込み')
    expect(ja.audit.description).not.toContain('取込')
  })

  it('English names every action and target the vocabulary has', () => {
    expect(Object.keys(en.audit.actions).sort()).toEqual([...auditActions.codes].sort())
    expect(Object.keys(en.audit.entities).sort()).toEqual([...auditEntities.codes].sort())
  })
})
