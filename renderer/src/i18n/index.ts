import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { ja } from './ja'

export const languages = ['ja', 'en'] as const
export type Language = (typeof languages)[number]

const storageKey = 'kakehashi.language'

function rememberedLanguage(): Language {
  try {
    const saved = localStorage.getItem(storageKey)
    return languages.find((l) => l === saved) ?? 'ja'
  } catch {
    return 'ja'
  }
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language)
  } catch {
    // Private windows may refuse storage; the switch still works for this session.
  }
  void i18n.changeLanguage(language)
}

export function currentLanguage(): Language {
  return languages.find((l) => l === i18n.resolvedLanguage) ?? 'ja'
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng
  document.title = i18n.t('app.name')
})

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: rememberedLanguage(),
  fallbackLng: 'ja',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
})

export default i18n
