import type { AppMessages } from '@tsumiki/ui';
import ja from './locales/ja.json';

export const messages: AppMessages = {
  ja,
  // English is fetched when chosen: few choose it, and it would weigh on everyone's first screen.
  en: async () => (await import('./messages-en')).englishMessages,
};
