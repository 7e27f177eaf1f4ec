import en from './locales/en.json';
import carbonEn from './carbon/locales/en.json';
import lifecycleEn from './lifecycle/locales/en.json';
import notificationsEn from './notifications/locales/en.json';
import resultsEn from './results/locales/en.json';
import applicationsEn from './applications/locales/en.json';
import organisationEn from './organisation/locales/en.json';

/** The English words of the app, a chunk of their own: see messages.ts. */
export const englishMessages: Record<string, unknown> = { ...en, ...carbonEn, ...lifecycleEn, ...resultsEn, ...notificationsEn, ...organisationEn, ...applicationsEn };
