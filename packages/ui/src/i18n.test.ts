import { describe, expect, it } from 'vitest';
import { createI18n, showLocale } from './i18n';

describe('the words of each language', () => {
  it('has Japanese at once and fetches English when it is first shown, before showing it', async () => {
    let fetched = 0;
    const i18n = createI18n('ja', {
      ja: { area: { greeting: 'こんにちは' } },
      en: async () => {
        fetched += 1;
        return { area: { greeting: 'Hello' } };
      },
    });
    expect(i18n.t('area.greeting')).toBe('こんにちは');
    expect(i18n.t('layout.switchLocale')).toBe('English');
    expect(fetched).toBe(0);

    await showLocale(i18n, 'en');
    expect(i18n.language).toBe('en');
    // The shared words and the app's, both English the moment the language changes.
    expect(i18n.t('area.greeting')).toBe('Hello');
    expect(i18n.t('layout.switchLocale')).toBe('日本語');

    await showLocale(i18n, 'ja');
    await showLocale(i18n, 'en');
    expect(fetched).toBe(1);
  });

  it('tries a failed fetch again at the next switch, and keeps the language shown meanwhile', async () => {
    let attempts = 0;
    const i18n = createI18n('ja', {
      ja: { area: { greeting: 'こんにちは' } },
      en: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('offline');
        return { area: { greeting: 'Hello' } };
      },
    });
    await expect(showLocale(i18n, 'en')).rejects.toThrow('offline');
    expect(i18n.language).toBe('ja');
    await showLocale(i18n, 'en');
    expect(i18n.t('area.greeting')).toBe('Hello');
  });
});
