import carbonEn from './carbon/locales/en.json';
import answersEn from './answers/locales/en.json';
import committeeEn from './committee/locales/en.json';
import changeRequestsEn from './change-requests/locales/en.json';
import en from './locales/en.json';
import specialRateEn from './special-rate/locales/en.json';
import publicationEn from './publication/locales/en.json';
import statisticsEn from './statistics/locales/en.json';
import viewsEn from './views/locales/en.json';
import attachmentsEn from './attachments/locales/en.json';
import mailEn from './mail/locales/en.json';
import definitionsEn from './definitions/locales/en.json';
import versionsEn from './versions/locales/en.json';
import roundsEn from './rounds/locales/en.json';
import figuresEn from './lib/locales/en.json';

/** The English words of the app, a chunk of their own: see messages.ts. */
export const englishMessages: Record<string, unknown> = { ...en, ...carbonEn, ...changeRequestsEn, ...answersEn, ...specialRateEn, ...publicationEn, ...statisticsEn, ...viewsEn, ...attachmentsEn, ...mailEn, ...versionsEn, ...committeeEn, ...roundsEn, ...definitionsEn, ...figuresEn };
