import { Anchor, Badge, Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { DataTable, displayJst, ProgrammesSection, QueryState, useSession, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Mine = RouterOutputs['applications']['listMine'][number];

/** The applicant's start: open calls, and their own applications with status. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const trpc = useTRPC();
  const applications = useQuery(trpc.applications.listMine.queryOptions());
  const columns: DataColumn<Mine>[] = [
    {
      id: 'title',
      header: t('application.title'),
      sortValue: (a) => a.title,
      cell: (a) => (
        <>
          <Anchor component={Link} to={`/applications/${a.id}`}>
            {a.title}
          </Anchor>
          {a.trackingNumber && (
            <Text size="xs" c="dimmed">
              {a.trackingNumber}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'programme',
      header: t('programme.name'),
      sortValue: (a) => (i18n.language === 'en' ? a.programmeNameEn : a.programmeNameJa),
      cell: (a) => <Text size="sm">{i18n.language === 'en' ? a.programmeNameEn : a.programmeNameJa}</Text>,
    },
    {
      id: 'status',
      header: t('application.status'),
      sortValue: (a) => t(`application.statuses.${a.status}`),
      cell: (a) => <Badge variant="light">{t(`application.statuses.${a.status}`)}</Badge>,
    },
    { id: 'updatedAt', header: t('application.updatedAt'), noWrap: true, sortValue: (a) => new Date(a.updatedAt).getTime(), cell: (a) => displayJst(a.updatedAt) },
  ];

  return (
    <Stack gap="xl" data-testid="home">
      <Title order={1}>{t('home.greeting', { name: session.user.displayName })}</Title>
      <Stack component="section" aria-labelledby="my-applications">
        <Title order={2} id="my-applications" size="h3">
          {t('application.heading')}
        </Title>
        <QueryState query={applications} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <DataTable
              data={rows}
              columns={columns}
              rowKey={(a) => a.id}
              label={t('application.heading')}
              empty={<Text c="dimmed">{t('state.empty')}</Text>}
              data-testid="application-table"
            />
          )}
        </QueryState>
      </Stack>
      <ProgrammesSection
        action={(p) =>
          p.isOpen && (
            <Button component={Link} to={`/applications/new/${p.id}`} size="xs" aria-label={`${t('apply.start')}: ${i18n.language === 'en' ? p.nameEn : p.nameJa}`}>
              {t('apply.start')}
            </Button>
          )
        }
      />
    </Stack>
  );
}
