import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'

/** The participants page's saved views, under its sidebar entry; a click opens the page with the view. */
export function SavedViewsNav() {
  const { t } = useTranslation()
  const views = useApiQuery('views.list', { page: 'participants' }, ['view'])
  if (!views.data || views.data.length === 0) return null
  return (
    <ul className="saved-views-nav" aria-label={t('people.views.nav')} data-testid="saved-views">
      {views.data.map((view) => (
        <li key={view.id}>
          <a href={`#/participants?view=${view.id}`} title={view.name}>
            {view.name}
          </a>
          <button
            type="button"
            className="saved-view-remove"
            aria-label={t('people.views.remove', { name: view.name })}
            onClick={() => void api.call('views.delete', { id: view.id }).then(views.reload)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  )
}
