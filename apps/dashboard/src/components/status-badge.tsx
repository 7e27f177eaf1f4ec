import { Badge } from '@mantine/core';
import type { PaceStatus } from '@tsumiki/domain/ccus';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<PaceStatus, string> = { on_track: 'teal', at_risk: 'yellow', behind: 'red', no_target: 'gray' };

/** Status in words as well as colour, so it reads without colour vision and in print. */
export function StatusBadge({ status }: { status: PaceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant={status === 'no_target' ? 'outline' : 'light'} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
