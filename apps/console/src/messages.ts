import type { AppMessages } from '@tsumiki/ui';
import answersJa from './answers/locales/ja.json';
import carbonJa from './carbon/locales/ja.json';
import committeeJa from './committee/locales/ja.json';
import changeRequestsJa from './change-requests/locales/ja.json';
import ja from './locales/ja.json';
import specialRateJa from './special-rate/locales/ja.json';
import publicationJa from './publication/locales/ja.json';
import statisticsJa from './statistics/locales/ja.json';
import viewsJa from './views/locales/ja.json';
import attachmentsJa from './attachments/locales/ja.json';
import mailJa from './mail/locales/ja.json';
import definitionsJa from './definitions/locales/ja.json';
import versionsJa from './versions/locales/ja.json';
import roundsJa from './rounds/locales/ja.json';
import figuresJa from './lib/locales/ja.json';

/**
 * The console's own words, by area: each area keeps its locale files beside its pages and adds them
 * here under its own top-level key, so areas never edit each other's files.
 */
export const messages: AppMessages = {
  ja: { ...ja, ...carbonJa, ...changeRequestsJa, ...answersJa, ...specialRateJa, ...publicationJa, ...statisticsJa, ...viewsJa, ...attachmentsJa, ...mailJa, ...versionsJa, ...committeeJa, ...roundsJa, ...definitionsJa, ...figuresJa },
  // English is fetched when chosen: few choose it, and it would weigh on everyone's first screen.
  en: async () => (await import('./messages-en')).englishMessages,
};
