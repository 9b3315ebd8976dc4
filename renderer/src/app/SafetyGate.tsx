import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SafetyStatus } from '../../../shared/contract/safety'
import { DamagedScreen } from './DamagedScreen'
import { LockedScreen } from './LockedScreen'
import { takeFirstSafetyStatus } from './startEarly'
import './safetyScreens.css'

/**
 * The first thing the window asks: is the database open, locked (encrypted, waiting for the
 * passphrase) or damaged (waiting for a restore)? Only when open does the app itself render.
 */
export function SafetyGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<SafetyStatus | null>(null)
  const [unknown, setUnknown] = useState(false)
  useEffect(() => {
    takeFirstSafetyStatus().then(setStatus, () => setUnknown(true))
  }, [])
  if (unknown || status?.state === 'open') return <>{children}</>
  if (!status)
    return (
      <div className="safety-screen" aria-busy="true">
        <p>{t('safety.loadingStatus')}</p>
      </div>
    )
  if (status.state === 'locked') return <LockedScreen status={status} onOpened={setStatus} />
  return <DamagedScreen status={status} onRestored={setStatus} />
}
