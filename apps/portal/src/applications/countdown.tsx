import { Text } from '@mantine/core';
import { formatWindowEnd } from '@tsumiki/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The deadline in JST as people read it (a midnight close is 24:00 of the day before) and the time left, refreshed every minute. */
export function Countdown({ closesAt }: { closesAt: Date }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const left = closesAt.getTime() - now;
  const hours = Math.floor(left / 3_600_000);
  return (
    <Text size="sm" c={left <= 0 ? 'red' : left < 3 * 86_400_000 ? 'orange' : 'dimmed'} data-testid="deadline">
      {t('apply.deadline', { deadline: formatWindowEnd(closesAt) })} ·{' '}
      {left <= 0 ? t('apply.closed') : t('apply.countdown', { days: Math.floor(hours / 24), hours: hours % 24 })}
    </Text>
  );
}
