import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
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
        {(rows) => <ProgrammeTable programmes={rows} {...(action ? { action } : {})} />}
      </QueryState>
    </Stack>
  );
}
