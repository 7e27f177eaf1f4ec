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

/** An app's own messages, merged into the shared `common` namespace. */
export type AppMessages = Record<Locale, Record<string, unknown>>;

/** An error catalogue per language: each is its own chunk, fetched when that language is first shown. */
export type ErrorCatalogue = Record<string, string>;
const ERROR_CATALOGUES: Record<Locale, () => Promise<ErrorCatalogue>> = {
  ja: async () => (await import('@tsumiki/domain/errors/ja')).catalogueJa,
  en: async () => (await import('@tsumiki/domain/errors/en')).catalogueEn,
};

/**
 * One i18next instance per app. The domain's error catalogue is the `errors` namespace, so a code the
 * API returns (data.appCode) or a zod issue code is shown in the same words everywhere.
 * `errorCatalogues` given (tests) are used at once; otherwise the catalogue of the language shown is
 * loaded beside the first screen, which needs none of its texts until something fails.
 */
export function createI18n(locale: Locale = initialLocale(), messages?: AppMessages, errorCatalogues?: Partial<Record<Locale, ErrorCatalogue>>): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'ja',
    supportedLngs: LOCALES,
    ns: ['common', 'errors'],
    defaultNS: 'common',
    // Error codes contain dots ("auth.invalid_credentials"); only ":" separates namespaces there.
    resources: { ja: { common: ja }, en: { common: en } },
    // Components re-render when a lazily loaded catalogue arrives.
    react: { bindI18nStore: 'added' },
    interpolation: { escapeValue: false }, // React escapes.
    initAsync: false,
    showSupportNotice: false,
  });
  if (messages) {
    for (const lng of LOCALES) instance.addResourceBundle(lng, 'common', messages[lng], true, false);
  }
  for (const lng of LOCALES) {
    const given = errorCatalogues?.[lng];
    if (given) instance.addResourceBundle(lng, 'errors', given);
  }
  const loadErrors = (lng: string) => {
    const known = LOCALES.find((l) => l === lng);
    if (!known || instance.hasResourceBundle(known, 'errors')) return;
    // A failed fetch leaves the bundle absent, so the next language change tries again.
    ERROR_CATALOGUES[known]().then(
      (catalogue) => instance.addResourceBundle(known, 'errors', catalogue),
      () => undefined,
    );
  };
  loadErrors(instance.language);
  const syncDocument = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  };
  syncDocument(instance.language);
  instance.on('languageChanged', (lng) => {
    syncDocument(lng);
    loadErrors(lng);
  });
  return instance;
}
