import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Asks before work typed on a page is lost: moving to another page of the app asks in a dialog
 * (stay, or leave and lose it); closing or reloading the tab gets the browser's own question.
 * `when` is true while there is something unsaved.
 */
export function UnsavedChangesGuard({ when }: { readonly when: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium needs returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);
  const open = blocker.state === 'blocked';
  return (
    <Modal opened={open} onClose={() => blocker.reset?.()} title={t('unsaved.title')} centered data-testid="unsaved-dialog" closeButtonProps={{ 'aria-label': t('unsaved.stay') }}>
      <Text mb="md">{t('unsaved.message')}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()} data-testid="unsaved-stay">{t('unsaved.stay')}</Button>
        <Button color="red" onClick={() => blocker.proceed?.()} data-testid="unsaved-leave">{t('unsaved.leave')}</Button>
      </Group>
    </Modal>
  );
}
