import type { AppMessages } from '@tsumiki/ui';
import carbonEn from './carbon/locales/en.json';
import answersEn from './answers/locales/en.json';
import answersJa from './answers/locales/ja.json';
import carbonJa from './carbon/locales/ja.json';
import committeeEn from './committee/locales/en.json';
import committeeJa from './committee/locales/ja.json';
import changeRequestsEn from './change-requests/locales/en.json';
import changeRequestsJa from './change-requests/locales/ja.json';
import en from './locales/en.json';
import ja from './locales/ja.json';
import specialRateEn from './special-rate/locales/en.json';
import specialRateJa from './special-rate/locales/ja.json';
import publicationEn from './publication/locales/en.json';
import publicationJa from './publication/locales/ja.json';
import statisticsEn from './statistics/locales/en.json';
import statisticsJa from './statistics/locales/ja.json';
import viewsEn from './views/locales/en.json';
import viewsJa from './views/locales/ja.json';
import attachmentsEn from './attachments/locales/en.json';
import attachmentsJa from './attachments/locales/ja.json';
import mailEn from './mail/locales/en.json';
import mailJa from './mail/locales/ja.json';
import definitionsEn from './definitions/locales/en.json';
import definitionsJa from './definitions/locales/ja.json';
import versionsEn from './versions/locales/en.json';
import versionsJa from './versions/locales/ja.json';
import roundsEn from './rounds/locales/en.json';
import roundsJa from './rounds/locales/ja.json';

/**
 * The console's own words, by area: each area keeps its locale files beside its pages and adds them
 * here under its own top-level key, so areas never edit each other's files.
 */
const areas: AppMessages[] = [
  { ja, en },
  { ja: carbonJa, en: carbonEn },
  { ja: changeRequestsJa, en: changeRequestsEn },
  { ja: answersJa, en: answersEn },
  { ja: specialRateJa, en: specialRateEn },
  { ja: publicationJa, en: publicationEn },
  { ja: statisticsJa, en: statisticsEn },
  { ja: viewsJa, en: viewsEn },
  { ja: attachmentsJa, en: attachmentsEn },
  { ja: mailJa, en: mailEn },
  { ja: versionsJa, en: versionsEn },
  { ja: committeeJa, en: committeeEn },
  { ja: roundsJa, en: roundsEn },
  { ja: definitionsJa, en: definitionsEn },
];

export const messages: AppMessages = {
  ja: Object.assign({}, ...areas.map((a) => a.ja)) as Record<string, unknown>,
  en: Object.assign({}, ...areas.map((a) => a.en)) as Record<string, unknown>,
};
