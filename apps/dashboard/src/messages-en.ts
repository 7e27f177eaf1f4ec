import en from './locales/en.json';

/** The English words of the app, a chunk of their own: see messages.ts. */
export const englishMessages: Record<string, unknown> = en;
