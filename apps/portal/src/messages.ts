import type { AppMessages } from '@tsumiki/ui';
import ja from './locales/ja.json';
import carbonJa from './carbon/locales/ja.json';
import lifecycleJa from './lifecycle/locales/ja.json';
import notificationsJa from './notifications/locales/ja.json';
import resultsJa from './results/locales/ja.json';
import applicationsJa from './applications/locales/ja.json';
import organisationJa from './organisation/locales/ja.json';

/**
 * The portal's own words, by area: each area keeps its locale files beside its pages and adds them
 * here under its own top-level key, so areas never edit each other's files.
 */
export const messages: AppMessages = {
  ja: { ...ja, ...carbonJa, ...lifecycleJa, ...resultsJa, ...notificationsJa, ...organisationJa, ...applicationsJa },
  // English is fetched when chosen: few choose it, and it would weigh on everyone's first screen.
  en: async () => (await import('./messages-en')).englishMessages,
};
