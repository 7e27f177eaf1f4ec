import { Alert, Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { materialNameIndex } from '@tsumiki/domain/carbon';
import { errorText, QueryState, useTRPC } from '@tsumiki/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The names the organisation has remembered in the mapping step, each with the material it means;
 * one forgotten is asked about again at the next paste or import.
 */
export function RememberedNamesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const names = useQuery(trpc.carbon.materialNames.queryOptions({}));
  const factors = useQuery(trpc.carbon.factors.queryOptions());
  const index = useMemo(() => materialNameIndex(factors.data ?? []), [factors.data]);
  const forget = useMutation(
    trpc.carbon.forgetMaterialNames.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.carbon.materialNames.queryKey() }),
    }),
  );
  const material = (key: string) => {
    const m = index.materials.get(key);
    return m ? (lang === 'ja' ? m.nameJa : m.nameEn) : key;
  };
  return (
    <Stack data-testid="carbon-names">
      <Anchor component={Link} to="/carbon" size="sm">
        {t('carbon.back')}
      </Anchor>
      <Title order={1}>{t('carbon.names.heading')}</Title>
      <Text>{t('carbon.names.intro')}</Text>
      {forget.isError && (
        <Alert color="red" role="alert">
          {errorText(t, forget.error)}
        </Alert>
      )}
      <QueryState query={names} isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <Table striped data-testid="carbon-names-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('carbon.names.name')}</Table.Th>
                <Table.Th>{t('carbon.names.material')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.name} data-name={r.name}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{material(r.materialKey)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" loading={forget.isPending && forget.variables.names[0] === r.name} onClick={() => forget.mutate({ names: [r.name] })} aria-label={t('carbon.names.forgetFor', { name: r.name })}>
                      {t('carbon.names.forget')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}
