import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Roster } from '../../../../shared/contract/programs'
import { formatJapaneseDate } from '../../../../shared/domain/dates'
import { weekdayLabels, weekdayOf } from '../../../../shared/domain/sessionSeries'

const BLANK_ROWS = 8

/**
 * A printable sign-in sheet (names, kana, blank columns), in the same order as the roster,
 * so the paper comes back in the order it is typed in. Printing uses the browser's own print
 * dialog; the print stylesheet hides everything else.
 */
export function SignInSheet({ roster, onClose }: { roster: Roster; onClose: () => void }) {
  const { t } = useTranslation()
  useEffect(() => {
    document.body.classList.add('printing-sheet')
    return () => document.body.classList.remove('printing-sheet')
  }, [])
  const s = roster.session
  const lines = roster.lines.filter((l) => l.enrollmentStatus !== null || l.attended)
  return (
    <div className="sign-in-overlay" role="dialog" aria-label={t('program.sheet.title')} data-testid="sign-in-sheet">
      <div className="sign-in-actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('program.sheet.print')}
        </button>
        <button type="button" className="button-link" onClick={onClose}>
          {t('program.sheet.close')}
        </button>
      </div>
      <article className="sign-in-sheet">
        <header>
          <h1>{t('program.sheet.title')}</h1>
          <p className="sheet-program">{roster.programName}</p>
          <p className="sheet-session">
            {formatJapaneseDate(s.date)}（{weekdayLabels[weekdayOf(s.date)]}）{s.startTime ?? ''}
            {s.endTime ? `～${s.endTime}` : ''}　{s.place ?? ''}
          </p>
        </header>
        <table>
          <thead>
            <tr>
              <th className="c-no">{t('program.sheet.no')}</th>
              <th className="c-name">{t('program.sheet.name')}</th>
              <th className="c-kana">{t('program.sheet.kana')}</th>
              <th className="c-box">{t('program.sheet.attended')}</th>
              <th className="c-box">{t('program.sheet.online')}</th>
              <th className="c-box">{t('program.sheet.nights')}</th>
              <th className="c-sign">{t('program.sheet.signature')}</th>
              <th className="c-notes">{t('program.sheet.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={l.contactId}>
                <td className="c-no">{i + 1}</td>
                <td className="c-name">
                  {l.familyName} {l.givenName}
                </td>
                <td className="c-kana">{[l.familyKana, l.givenKana].filter(Boolean).join(' ')}</td>
                <td className="c-box">□</td>
                <td className="c-box">□</td>
                <td className="c-box" />
                <td className="c-sign" />
                <td className="c-notes" />
              </tr>
            ))}
            <tr className="sheet-divider">
              <td colSpan={8}>{t('program.sheet.blankRows')}</td>
            </tr>
            {Array.from({ length: BLANK_ROWS }, (_, i) => (
              <tr key={`blank-${i}`} className="sheet-blank">
                <td className="c-no">{lines.length + i + 1}</td>
                <td className="c-name" />
                <td className="c-kana" />
                <td className="c-box">□</td>
                <td className="c-box">□</td>
                <td className="c-box" />
                <td className="c-sign" />
                <td className="c-notes" />
              </tr>
            ))}
          </tbody>
        </table>
      </article>
    </div>
  )
}
