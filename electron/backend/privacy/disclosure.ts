import { ApiError } from '../../../shared/contract/errors'
import type { FileDownload } from '../../../shared/contract/files'
import { mimeTypes } from '../../../shared/contract/files'
import { todayIso } from '../../../shared/domain/dates'
import { readableRow } from '../../../shared/domain/disclosure'
import type { DisclosureSection } from '../../../shared/domain/disclosure'
import type { BackendContext } from '../context'
import { recordAudit } from '../db/repos/auditRepo'
import { protectIfAsked } from '../export/protectedZip'
import { personRecords } from '../db/repos/privacyRepo'

const sections: Record<string, string> = {
  contact: '本人の登録情報',
  visits: '訪問・参加の記録',
  enrollments: '申込・参加したプログラム',
  stageHistory: '関係の段階の履歴',
  tags: 'タグ',
  organizations: '所属団体',
  auditLog: '変更の記録（監査ログ）',
}

/**
 * 開示: every stored row about one person, as indented JSON in Japanese (section and field
 * names, codes as names: readableRow); with a password, inside an AES-256 encrypted .zip.
 */
export async function disclosePerson(ctx: BackendContext, contactId: string, password?: string): Promise<FileDownload> {
  const records = await personRecords(ctx.db, contactId)
  const contact = records.contact![0]
  if (!contact) throw ApiError.from('NOT_FOUND', { contactId })
  const document: Record<string, unknown> = {
    説明: 'かけはしに保存されている、ご本人に関するすべての情報です（個人情報保護法に基づく開示）。',
    作成日: todayIso(),
  }
  for (const [key, rows] of Object.entries(records)) {
    document[sections[key] ?? key] = rows.map((row) => readableRow(key as DisclosureSection, row))
  }
  await recordAudit(ctx.db, [
    {
      userName: ctx.userName,
      action: 'export',
      entity: 'contact',
      entityId: contactId,
      changes: { disclosure: [null, todayIso()], passwordProtected: [null, password !== undefined] },
    },
  ])
  // A zip encrypts the contents, not the names of the zip and its entry: a protected file that
  // travels by mail or USB stick must not carry the person's name on its label.
  const name = password === undefined ? `${String(contact.familyName)}${String(contact.givenName ?? '')}_` : ''
  const file = {
    fileName: `開示_${name}${todayIso()}.json`,
    mimeType: mimeTypes.json,
    base64: Buffer.from(JSON.stringify(document, null, 2), 'utf8').toString('base64'),
  }
  return protectIfAsked(file, password)
}
