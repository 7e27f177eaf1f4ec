import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** What the dialog asks; the step runs only from the dialog's own button. */
  readonly title: string;
  readonly message: ReactNode;
  /** The dialog's button, naming the step again (「提出する」), never a bare 「OK」. */
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  /** Without it the button runs the step at once: only some steps are final. */
  readonly confirm?: boolean;
  readonly children: ReactNode;
  readonly 'data-testid'?: string;
}

/**
 * A button for a step that cannot be taken back (submitting a score sheet, declaring a conflict, a
 * decision the applicant is told of): it opens a dialog that says what will happen, and only the
 * dialog's button runs the step. Cancelling, Escape and the close button leave everything as it was.
 */
export function ConfirmButton({ title, message, confirmLabel, onConfirm, confirm = true, children, ...button }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => (confirm ? setOpen(true) : onConfirm())}>
        {children}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} centered data-testid="confirm-dialog" closeButtonProps={{ 'aria-label': t('confirm.cancel') }}>
        <Text mb="md">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)} data-testid="confirm-cancel">{t('confirm.cancel')}</Button>
          <Button
            color={button.color}
            data-testid="confirm-yes"
            onClick={() => {
              setOpen(false);
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
