import { Anchor, Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { displayJst, ProgrammesSection, QueryState, useSession, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The applicant's start: open calls, and their own applications with status. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const trpc = useTRPC();
  const applications = useQuery(trpc.applications.listMine.queryOptions());

  return (
    <Stack gap="xl" data-testid="home">
      <Title order={1}>{t('home.greeting', { name: session.user.displayName })}</Title>
      <Stack component="section" aria-labelledby="my-applications">
        <Title order={2} id="my-applications" size="h3">
          {t('application.heading')}
        </Title>
        <QueryState query={applications} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <Table data-testid="application-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('application.title')}</Table.Th>
                  <Table.Th scope="col">{t('programme.name')}</Table.Th>
                  <Table.Th scope="col">{t('application.status')}</Table.Th>
                  <Table.Th scope="col">{t('application.updatedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/applications/${a.id}`}>
                        {a.title}
                      </Anchor>
                      {a.trackingNumber && (
                        <Text size="xs" c="dimmed">
                          {a.trackingNumber}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{i18n.language === 'en' ? a.programmeNameEn : a.programmeNameJa}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t(`application.statuses.${a.status}`)}</Badge>
                    </Table.Td>
                    <Table.Td>{displayJst(a.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
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
