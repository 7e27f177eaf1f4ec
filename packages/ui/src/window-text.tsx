import { Text } from '@mantine/core';
import { formatWindowEnd } from '@tsumiki/domain';
import { displayJst } from './format';

const whole = { whiteSpace: 'nowrap' } as const;

/**
 * A window as every screen shows it: its opening, and its close as the documents write it (a close
 * at midnight is 24:00 of the day before, formatWindowEnd). A narrow column breaks the line
 * between the two ends, never inside a date.
 */
export function WindowText({ opensAt, closesAt }: { opensAt: Date; closesAt: Date }) {
  return (
    <Text size="sm" data-testid="window-text">
      <span style={whole}>{displayJst(opensAt)}</span> – <span style={whole}>{formatWindowEnd(closesAt)}</span>
    </Text>
  );
}
