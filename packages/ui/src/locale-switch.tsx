import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberLocale, showLocale, type Locale } from './i18n';
import { SessionContext } from './session';
import { useTRPC } from './trpc';

/** Japanese ⇄ English. Remembered on this device, and on the account when signed in. */
export function LocaleSwitch() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const session = useContext(SessionContext);
  const saveOnAccount = useMutation(trpc.auth.setLocale.mutationOptions());
  const next: Locale = i18n.language === 'en' ? 'ja' : 'en';
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      data-testid="locale-switch"
      // The accessible name starts with the visible text (WCAG 2.5.3), then says what the button does.
      aria-label={`${t('layout.switchLocale')} – ${t('layout.switchLocaleLabel')}`}
      lang={next}
      onClick={() => {
        rememberLocale(next);
        // Offline, the words cannot be fetched: the page stays as it is, and a second press tries again.
        showLocale(i18n, next).catch(() => undefined);
        if (session) saveOnAccount.mutate({ locale: next });
      }}
    >
      {t('layout.switchLocale')}
    </Button>
  );
}
