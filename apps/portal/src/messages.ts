import type { AppMessages } from '@tsumiki/ui';
import en from './locales/en.json';
import ja from './locales/ja.json';
import carbonEn from './carbon/locales/en.json';
import carbonJa from './carbon/locales/ja.json';
import lifecycleEn from './lifecycle/locales/en.json';
import lifecycleJa from './lifecycle/locales/ja.json';
import notificationsEn from './notifications/locales/en.json';
import notificationsJa from './notifications/locales/ja.json';
import resultsEn from './results/locales/en.json';
import resultsJa from './results/locales/ja.json';
import applicationsEn from './applications/locales/en.json';
import applicationsJa from './applications/locales/ja.json';
import organisationEn from './organisation/locales/en.json';
import organisationJa from './organisation/locales/ja.json';

/**
 * The portal's own words, by area: each area keeps its locale files beside its pages and adds them
 * here under its own top-level key, so areas never edit each other's files.
 */
const areas: AppMessages[] = [{ ja, en }, { ja: carbonJa, en: carbonEn }, { ja: lifecycleJa, en: lifecycleEn }, { ja: resultsJa, en: resultsEn }, { ja: notificationsJa, en: notificationsEn }, { ja: organisationJa, en: organisationEn }, { ja: applicationsJa, en: applicationsEn }];

export const messages: AppMessages = {
  ja: Object.assign({}, ...areas.map((a) => a.ja)) as Record<string, unknown>,
  en: Object.assign({}, ...areas.map((a) => a.en)) as Record<string, unknown>,
};
