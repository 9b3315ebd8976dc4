import { useTranslation } from 'react-i18next'
import { currentLanguage, languages, setLanguage } from '../i18n'

/** 日本語 / English, as a two-button toggle; the choice is remembered (localStorage). */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const active = currentLanguage()
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')} data-testid="language-switch">
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          data-testid={`language-${language}`}
          aria-pressed={language === active}
          onClick={() => setLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  )
}
