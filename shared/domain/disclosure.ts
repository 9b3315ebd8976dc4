import { contactFieldLabels } from './contactFieldLabels'
import { municipalityByCode, prefectureByCode } from './localGov'
import {
  auditActions,
  auditEntities,
  bases,
  enrollmentRoles,
  enrollmentStatuses,
  genders,
  roots,
  stages,
  visitModes,
} from './vocabulary'

/**
 * 開示: a stored row as the person can read it — Japanese names for the columns, names for
 * codes (男性, 島根県 浜田市, 現地), JSON text opened up. Nothing stored about them is left
 * out except copies kept for the machine (the search key, the person's own id on each row).
 */
export type DisclosureSection = 'contact' | 'visits' | 'enrollments' | 'stageHistory' | 'tags' | 'organizations' | 'auditLog'

const labels: Record<string, string> = {
  id: 'ID',
  ...contactFieldLabels,
  note: contactFieldLabels.notes,
  programId: 'プログラムID',
  programName: 'プログラム',
  sessionId: '開催回ID',
  visitDate: '日付',
  mode: '参加形態',
  nights: '泊数',
  purpose: '目的',
  status: '状態',
  role: '役割',
  changedOn: '変更日',
  name: '名前',
  at: '日時',
  userName: '操作した人',
  action: '操作',
  entity: '対象',
  changes: '変更内容',
}

/** Machine copies: the search key repeats the name and contacts; contactId is the person's own id. */
const dropped = new Set(['searchKey', 'contactId'])

const label = <T extends Record<string, string>>(vocab: T, value: unknown) =>
  typeof value === 'string' ? (vocab[value] ?? value) : value

function readableValue(section: DisclosureSection, key: string, value: unknown): unknown {
  if (value === null || value === undefined) return null
  switch (key) {
    case 'gender':
      return label(genders.labels, value)
    case 'roots':
      return label(roots.labels, value)
    case 'basis':
      return label(bases.labels, value)
    case 'stage':
      return label(stages.labels, value)
    case 'prefectureCode':
      return prefectureByCode(String(value))?.name ?? value
    case 'municipalityCode': {
      const m = municipalityByCode(String(value))
      return m ? `${m.prefectureName} ${m.name}` : value
    }
    case 'mode':
      return section === 'visits' ? label(visitModes.labels, value) : value
    case 'status':
      return section === 'enrollments' ? label(enrollmentStatuses.labels, value) : value
    case 'role':
      return section === 'enrollments' ? label(enrollmentRoles.labels, value) : value
    case 'action':
      return section === 'auditLog' ? label(auditActions.labels, value) : value
    case 'entity':
      return section === 'auditLog' ? label(auditEntities.labels, value) : value
    case 'consentPurposes':
    case 'changes':
      return typeof value === 'string' ? parsed(value) : value
    default:
      return value
  }
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function readableRow(section: DisclosureSection, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (dropped.has(key)) continue
    out[labels[key] ?? key] = readableValue(section, key, value)
  }
  return out
}
