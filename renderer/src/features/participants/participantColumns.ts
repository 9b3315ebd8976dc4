import type { ColDef, ColGroupDef, SuppressKeyboardEventParams, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community'
import type { TFunction } from 'i18next'
import type { ContactField } from '../../../../shared/contract/contacts'
import type { ContactListRow as Contact, Tag } from '../../../../shared/contract/participantRecords'
import type { ContactColumn } from '../../../../shared/contract/methods'
import type { Stage } from '../../../../shared/contract/records'
import { municipalityByCode, prefectureByCode, prefectures } from '../../../../shared/domain/localGov'
import { bases, genders, roots } from '../../../../shared/domain/vocabulary'
import type { CodeOption } from '../../grid/CodeSetFilter'
import { codeColumn, fitHeaders, textColumn, timestampColumn } from '../../grid/columnTypes'
import { CodeSetFilter } from '../../grid/CodeSetFilter'
import type { CodeSetFilterParams } from '../../grid/CodeSetFilter'
import { suppressImeKeys } from '../../grid/imeKeys'
import { MunicipalityEditor } from '../../grid/MunicipalityEditor'
import { MunicipalitySetFilter } from '../../grid/MunicipalitySetFilter'
import { OpenDetailCell } from './OpenDetailCell'

/**
 * Which patch field an edited column writes. The birth column shows birthDate/birthYear but
 * is typed as one text (西暦 or 和暦), which the backend parses as `birth`.
 */
export const patchFieldOfColumn: Partial<Record<ContactColumn, ContactField>> = {
  familyName: 'familyName',
  givenName: 'givenName',
  familyKana: 'familyKana',
  givenKana: 'givenKana',
  email: 'email',
  phone: 'phone',
  postalCode: 'postalCode',
  prefectureCode: 'prefectureCode',
  municipalityCode: 'municipalityCode',
  birthDate: 'birth',
  gender: 'gender',
  roots: 'roots',
  basis: 'basis',
  stage: 'stage',
  affiliation: 'affiliation',
  occupation: 'occupation',
  notes: 'notes',
}

type Vocabulary = 'gender' | 'roots' | 'basis'
const vocabularies = { gender: genders, roots, basis: bases }

export interface ParticipantColumnsInput {
  t: TFunction
  stages: Stage[]
  tags: Tag[]
  onOpen: (contact: Contact) => void
}

/** The municipality picker handles its own arrows and Enter while open. */
const pickerKeys = (p: SuppressKeyboardEventParams) =>
  suppressImeKeys(p) || (p.editing && ['Enter', 'ArrowUp', 'ArrowDown'].includes(p.event.key))

export function participantColumns({
  t,
  stages,
  tags,
  onOpen,
}: ParticipantColumnsInput): (ColDef<Contact> | ColGroupDef<Contact>)[] {
  const c = (key: keyof typeof columnKeys) => t(columnKeys[key])
  const blank: CodeOption = { code: null, label: t('grid.blankOption') }
  const vocabOptions = (name: Vocabulary): CodeOption[] => [
    ...vocabularies[name].codes.map((code) => ({ code, label: t(`vocab.${name}.${code}` as 'vocab.gender.female') })),
    blank,
  ]
  const stageOptions: CodeOption[] = stages.map((s) => ({ code: s.code, label: s.label }))
  const prefectureOptions: CodeOption[] = [...prefectures.map((p) => ({ code: p.code, label: p.name })), blank]
  const editable = { editable: true }

  const tagFilter: CodeSetFilterParams = {
    options: [...tags.map((tag) => ({ code: tag.id, label: tag.name })), { code: null, label: t('people.noTags') }],
  }

  return fitHeaders<Contact>([
    {
      colId: 'open',
      headerName: '',
      width: 44,
      pinned: 'left',
      sortable: false,
      resizable: false,
      suppressHeaderMenuButton: true,
      suppressMovable: true,
      cellRenderer: OpenDetailCell,
      cellRendererParams: { onOpen },
    },
    {
      headerName: t('participants.groups.name'),
      children: [
        textColumn<Contact>('familyName', c('familyName'), { ...editable, width: 96, pinned: 'left' }),
        textColumn<Contact>('givenName', c('givenName'), { ...editable, width: 96, pinned: 'left' }),
      ],
    },
    {
      headerName: t('participants.groups.kana'),
      children: [
        textColumn<Contact>('familyKana', c('familyKana'), { ...editable, width: 112 }),
        textColumn<Contact>('givenKana', c('givenKana'), { ...editable, width: 112 }),
      ],
    },
    {
      headerName: t('participants.groups.address'),
      children: [
        codeColumn<Contact>('prefectureCode', c('prefecture'), prefectureOptions, {
          ...editable,
          width: 104,
          valueFormatter: (p: ValueFormatterParams<Contact>) =>
            p.value ? (prefectureByCode(String(p.value))?.name ?? String(p.value)) : '',
          cellEditorParams: { values: prefectureOptions.map((o) => o.code ?? ''), valueListMaxHeight: 320 },
        }),
        {
          colId: 'municipalityCode',
          field: 'municipalityCode',
          headerName: c('municipality'),
          width: 150,
          editable: true,
          cellEditor: MunicipalityEditor,
          cellEditorPopup: true,
          suppressKeyboardEvent: pickerKeys,
          filter: MunicipalitySetFilter,
          // The prefecture stands in the next column, so the name alone ('越谷市').
          valueFormatter: (p: ValueFormatterParams<Contact>) =>
            p.value ? (municipalityByCode(String(p.value))?.name ?? String(p.value)) : '',
        },
        textColumn<Contact>('postalCode', c('postalCode'), { ...editable, width: 100 }),
      ],
    },
    {
      headerName: t('participants.groups.contact'),
      children: [
        textColumn<Contact>('email', c('email'), { ...editable, width: 220 }),
        textColumn<Contact>('phone', c('phone'), { ...editable, width: 132 }),
      ],
    },
    {
      headerName: t('participants.groups.profile'),
      children: [
        {
          colId: 'birthDate',
          headerName: c('birth'),
          width: 112,
          editable: true,
          // The editor starts from text the birth parser reads back: '1985-04-01' or '1985'.
          valueGetter: (p: ValueGetterParams<Contact>) =>
            p.data?.birthDate ?? (p.data?.birthYear != null ? String(p.data.birthYear) : null),
          valueFormatter: (p: ValueFormatterParams<Contact>) => formatBirth(p.data, t),
          filter: 'agDateColumnFilter',
          filterParams: {
            filterOptions: ['equals', 'lessThan', 'greaterThan', 'inRange'],
            maxNumConditions: 1,
            buttons: ['reset'],
          },
        },
        codeColumn<Contact>('gender', c('gender'), vocabOptions('gender'), { ...editable, width: 92 }),
      ],
    },
    {
      headerName: t('participants.groups.relation'),
      children: [
        codeColumn<Contact>('roots', c('roots'), vocabOptions('roots'), { ...editable, width: 148 }),
        codeColumn<Contact>('basis', c('basis'), vocabOptions('basis'), { ...editable, width: 118 }),
        // Stage codes sort alphabetically on the server, which means nothing to a reader.
        codeColumn<Contact>('stage', c('stage'), stageOptions, { ...editable, width: 108 }, false),
      ],
    },
    {
      colId: 'tags',
      field: 'tags',
      headerName: t('people.tagsColumn'),
      width: 160,
      sortable: false,
      valueFormatter: (p: ValueFormatterParams<Contact>) => (Array.isArray(p.value) ? p.value.join('、') : ''),
      filter: CodeSetFilter,
      filterParams: tagFilter,
    },
    textColumn<Contact>('affiliation', c('affiliation'), { ...editable, width: 180 }),
    textColumn<Contact>('occupation', c('occupation'), { ...editable, width: 140 }),
    textColumn<Contact>('notes', c('notes'), {
      ...editable,
      width: 220,
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
    }),
    timestampColumn<Contact>('updatedAt', c('updatedAt'), { width: 148 }),
  ])
}

const columnKeys = {
  familyName: 'participants.columns.familyName',
  givenName: 'participants.columns.givenName',
  familyKana: 'participants.columns.familyKana',
  givenKana: 'participants.columns.givenKana',
  prefecture: 'participants.columns.prefecture',
  municipality: 'participants.columns.municipality',
  postalCode: 'participants.columns.postalCode',
  email: 'participants.columns.email',
  phone: 'participants.columns.phone',
  birth: 'participants.columns.birth',
  gender: 'participants.columns.gender',
  roots: 'participants.columns.roots',
  basis: 'participants.columns.basis',
  stage: 'participants.columns.stage',
  affiliation: 'participants.columns.affiliation',
  occupation: 'participants.columns.occupation',
  notes: 'participants.columns.notes',
  updatedAt: 'participants.columns.updatedAt',
} as const

/** '1985/04/01', or '1985年' when only the year is known. */
function formatBirth(contact: Contact | undefined, t: TFunction): string {
  if (!contact) return ''
  if (contact.birthDate) return contact.birthDate.replaceAll('-', '/')
  if (contact.birthYear != null) return t('participants.birthYearOnly', { year: contact.birthYear })
  return ''
}

/** Column header text for an error message ("メール：…"). */
export function columnLabel(t: TFunction, colId: string): string {
  const key =
    colId === 'prefectureCode'
      ? 'prefecture'
      : colId === 'municipalityCode'
        ? 'municipality'
        : colId === 'birthDate'
          ? 'birth'
          : colId
  return key in columnKeys ? t(columnKeys[key as keyof typeof columnKeys]) : colId
}
