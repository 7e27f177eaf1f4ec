import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import ja from './locales/ja.json';

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'tsumiki.locale';

/** Japanese first: English only when the user chose it before. */
export function initialLocale(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Locale {
  const saved = storage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'ja';
}

export function rememberLocale(
  locale: Locale,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
) {
  storage?.setItem(STORAGE_KEY, locale);
}

type Messages = Record<string, unknown>;
/** A language's words, at hand or fetched when that language is first shown. */
export type LocaleMessages = Messages | (() => Promise<Messages>);
/** An app's own messages, merged into the shared `common` namespace. */
export type AppMessages = Record<Locale, LocaleMessages>;

/**
 * Japanese comes with the first screen; English, which few choose, is its own chunk fetched when
 * chosen — the two catalogues of an app weigh more than a tenth of its first screen's budget.
 */
const UI_MESSAGES: AppMessages = { ja, en: async () => (await import('./locales/en.json')).default };
const loaders = new WeakMap<i18n, (lng: Locale) => Promise<void>>();

/** Shows the app in a language once its words are here, so a switch never flashes the other one. */
export async function showLocale(instance: i18n, lng: Locale): Promise<void> {
  await loaders.get(instance)?.(lng);
  await instance.changeLanguage(lng);
}

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
export function createI18n(
  locale: Locale = initialLocale(),
  messages?: AppMessages,
  errorCatalogues?: Partial<Record<Locale, ErrorCatalogue>>,
): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'ja',
    supportedLngs: LOCALES,
    ns: ['common', 'errors'],
    defaultNS: 'common',
    // Error codes contain dots ("auth.invalid_credentials"); only ":" separates namespaces there.
    resources: {},
    // Components re-render when a lazily loaded catalogue arrives.
    react: { bindI18nStore: 'added' },
    interpolation: { escapeValue: false }, // React escapes.
    initAsync: false,
    showSupportNotice: false,
  });
  const loadCommon = commonLoader(instance, messages ? [UI_MESSAGES, messages] : [UI_MESSAGES]);
  loaders.set(instance, loadCommon);
  for (const lng of LOCALES) {
    const given = errorCatalogues?.[lng];
    if (given) instance.addResourceBundle(lng, 'errors', given);
  }
  const loadErrors = (locale: Locale) => {
    if (instance.hasResourceBundle(locale, 'errors')) return;
    // A failed fetch leaves the bundle absent, so the next language change tries again.
    ERROR_CATALOGUES[locale]().then(
      (catalogue) => instance.addResourceBundle(locale, 'errors', catalogue),
      () => undefined,
    );
  };
  const load = (lng: string) => {
    const locale = LOCALES.find((l) => l === lng);
    if (!locale) return;
    // Likewise: a failed fetch is tried again at the next change of language.
    loadCommon(locale).catch(() => undefined);
    loadErrors(locale);
  };
  load(instance.language);
  const syncDocument = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  };
  syncDocument(instance.language);
  instance.on('languageChanged', (lng) => {
    syncDocument(lng);
    load(lng);
  });
  return instance;
}

/**
 * Adds the words at hand at once, in order (the shared ones first: an app's never replace them),
 * and returns what fetches the rest of a language, once.
 */
function commonLoader(instance: i18n, sources: AppMessages[]): (lng: Locale) => Promise<void> {
  const pending = new Map<Locale, Promise<void>>();
  for (const source of sources) {
    for (const lng of LOCALES) {
      const words = source[lng];
      if (typeof words !== 'function') instance.addResourceBundle(lng, 'common', words, true, false);
    }
  }
  return (lng) => {
    const loading =
      pending.get(lng) ??
      Promise.all(
        sources.map(async (source) => {
          const words = source[lng];
          return typeof words === 'function' ? words() : null;
        }),
      ).then((fetched) => {
        for (const words of fetched) if (words) instance.addResourceBundle(lng, 'common', words, true, false);
      });
    pending.set(lng, loading);
    // A failure is forgotten, so the next attempt fetches again.
    loading.catch(() => pending.delete(lng));
    return loading;
  };
}
