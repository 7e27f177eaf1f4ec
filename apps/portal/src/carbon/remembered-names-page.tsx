import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { materialNameIndex } from '@tsumiki/domain/carbon';
import type { RouterOutputs } from '@tsumiki/api';
import { DataTable, errorText, QueryState, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type RememberedName = RouterOutputs['carbon']['materialNames'][number];

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
  const columns: DataColumn<RememberedName>[] = [
    { id: 'name', header: t('carbon.names.name'), rowHeader: true, sortValue: (r) => r.name, cell: (r) => r.name },
    { id: 'material', header: t('carbon.names.material'), sortValue: (r) => material(r.materialKey), cell: (r) => material(r.materialKey) },
    {
      id: 'forget',
      header: t('carbon.names.forget'),
      cell: (r) => (
        <Button size="xs" variant="subtle" color="red" loading={forget.isPending && forget.variables.names[0] === r.name} onClick={() => forget.mutate({ names: [r.name] })} aria-label={t('carbon.names.forgetFor', { name: r.name })}>
          {t('carbon.names.forget')}
        </Button>
      ),
    },
  ];
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
      <QueryState query={names}>
        {(rows) => (
          <DataTable
            data={rows}
            columns={columns}
            rowKey={(r) => r.name}
            rowProps={(r) => ({ 'data-name': r.name })}
            label={t('carbon.names.heading')}
            empty={
              <>
                <Text>{t('carbon.names.none')}</Text>
                <Anchor component={Link} to="/carbon">
                  {t('carbon.back')}
                </Anchor>
              </>
            }
            data-testid="carbon-names-table"
          />
        )}
      </QueryState>
    </Stack>
  );
}
