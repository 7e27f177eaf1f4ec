import { Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryState, useSession, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';

/** The associations this user may see: all eight for the ministry, their own for association staff. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const trpc = useTRPC();
  const associations = useQuery(trpc.organisations.listAssociations.queryOptions());

  return (
    <Stack gap="xl" data-testid="home">
      <Title order={1}>{t('home.greeting', { name: session.user.displayName })}</Title>
      <Stack component="section" aria-labelledby="associations">
        <Title order={2} id="associations" size="h3">
          {t('association.heading')}
        </Title>
        <QueryState query={associations} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <Table striped data-testid="association-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('association.name')}</Table.Th>
                  <Table.Th scope="col">{t('association.shortName')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{i18n.language === 'en' ? a.nameEn : a.nameJa}</Table.Td>
                    <Table.Td>{a.shortNameJa}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Stack>
    </Stack>
  );
}
