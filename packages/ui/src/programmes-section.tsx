import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { isListedClosed } from '@tsumiki/domain';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { ProgrammeTable, type ProgrammeSummary } from './programme-table';
import { QueryState } from './query-state';
import { useTRPC } from './trpc';

/** The programmes (公募) every signed-in user may read, as a titled section of a page. */
export function ProgrammesSection({ action }: { action?: (p: ProgrammeSummary) => ReactNode } = {}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const programmes = useQuery(trpc.programmes.list.queryOptions());
  return (
    <Stack component="section" aria-labelledby="programmes">
      <Title order={2} id="programmes" size="h3">
        {t('programme.heading')}
      </Title>
      <QueryState query={programmes} isEmpty={(rows) => rows.length === 0}>
        {(rows) => {
          // Closed calls are kept for reference under their own heading, never under 公募中・公募予定.
          const current = rows.filter((p) => !isListedClosed(p.listing));
          const closed = rows.filter((p) => isListedClosed(p.listing));
          return (
            <Stack gap="lg">
              {current.length > 0 ? (
                <ProgrammeTable programmes={current} {...(action ? { action } : {})} />
              ) : (
                <Text size="sm" c="dimmed" data-testid="no-current-programmes">
                  {t('programme.noneCurrent')}
                </Text>
              )}
              {closed.length > 0 && (
                <Stack gap="xs" component="section" aria-labelledby="programmes-closed" data-testid="closed-programmes">
                  <Title order={3} id="programmes-closed" size="h4">
                    {t('programme.closedHeading')}
                  </Title>
                  <ProgrammeTable programmes={closed} />
                </Stack>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
