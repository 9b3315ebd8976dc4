import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dismissRestoreNotice, readRestoreNotice } from './restoreNotice'

/** After a restore from the recovery screen: where the damaged file was kept, until dismissed. */
export function RestoreNotice() {
  const { t } = useTranslation()
  const [notice, setNotice] = useState(readRestoreNotice)
  if (!notice) return null
  const values = { date: new Date(notice.at).toLocaleString('ja-JP'), source: notice.source, kept: notice.kept }
  return (
    <div className="restore-notice" role="status" data-testid="restore-notice">
      <strong>{t('fileBackup.noticeTitle')}</strong>
      <p>{t(notice.damaged ? 'fileBackup.notice' : 'fileBackup.noticeHealthy', values)}</p>
      <button
        type="button"
        className="button-link"
        onClick={() => {
          dismissRestoreNotice()
          setNotice(null)
        }}
      >
        {t('fileBackup.noticeClose')}
      </button>
    </div>
  )
}
