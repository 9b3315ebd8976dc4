import { Component } from 'react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Screens are loaded when first opened (App). If a screen's file cannot be loaded (the app was
 * updated while this window stayed open, say) or the screen fails while drawing, this says so
 * in place of the screen and offers a reload, instead of leaving the whole window blank.
 * The sidebar and header stay usable; App keys it by route, so another screen starts afresh.
 */
export class ScreenBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render(): ReactNode {
    return this.state.failed ? <ScreenFailed /> : this.props.children
  }
}

function ScreenFailed() {
  const { t } = useTranslation()
  return (
    <div className="load-error" role="alert" data-testid="screen-failed">
      <span>{t('common.screenFailed')}</span>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('common.retry')}
      </button>
    </div>
  )
}
