import { errorMessages } from '@tsumiki/domain';
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import ja from './locales/ja.json';

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'tsumiki.locale';

/** Japanese first: English only when the user chose it before. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Locale {
  const saved = storage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'ja';
}

export function rememberLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage) {
  storage?.setItem(STORAGE_KEY, locale);
}

/**
 * One i18next instance per app. The domain's error catalogue is the `errors` namespace, so a code the
 * API returns (data.appCode) or a zod issue code is shown in the same words everywhere.
 */
/** An app's own messages, merged into the shared `common` namespace. */
export type AppMessages = Record<Locale, Record<string, unknown>>;

export function createI18n(locale: Locale = initialLocale(), messages?: AppMessages): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'ja',
    supportedLngs: LOCALES,
    ns: ['common', 'errors'],
    defaultNS: 'common',
    // Error codes contain dots ("auth.invalid_credentials"); only ":" separates namespaces there.
    resources: {
      ja: { common: ja, errors: errorMessages.ja },
      en: { common: en, errors: errorMessages.en },
    },
    interpolation: { escapeValue: false }, // React escapes.
    initAsync: false,
    showSupportNotice: false,
  });
  if (messages) {
    for (const lng of LOCALES) instance.addResourceBundle(lng, 'common', messages[lng], true, false);
  }
  const syncDocument = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  };
  syncDocument(instance.language);
  instance.on('languageChanged', syncDocument);
  return instance;
}
