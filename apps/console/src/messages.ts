import type { AppMessages } from '@tsumiki/ui';
import en from './locales/en.json';
import ja from './locales/ja.json';

export const messages: AppMessages = { ja, en };
