import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ZNewCarbonProject } from '@tsumiki/domain/carbon';
import type { RouterOutputs } from '@tsumiki/api';
import { DataTable, displayJst, errorText, QueryState, useDomainForm, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

type Project = RouterOutputs['carbon']['list'][number];

/** The organisation's carbon assessments, newest change first, and a new one by name. */
export function CarbonListPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const projects = useQuery(trpc.carbon.list.queryOptions());
  const form = useDomainForm(ZNewCarbonProject, { initialValues: { name: '' } });
  const create = useMutation(trpc.carbon.create.mutationOptions({ onSuccess: (p) => void navigate(`/carbon/${p.id}`) }));
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'ja-JP');
  const columns: DataColumn<Project>[] = [
    {
      id: 'name',
      header: t('carbon.colName'),
      sortValue: (p) => p.name,
      cell: (p) => (
        <Anchor component={Link} to={`/carbon/${p.id}`}>
          {p.name}
        </Anchor>
      ),
    },
    { id: 'area', header: t('carbon.colArea'), align: 'right', sortValue: (p) => p.grossFloorAreaM2, cell: (p) => (p.grossFloorAreaM2 == null ? '—' : `${number.format(p.grossFloorAreaM2)} m²`) },
    { id: 'lines', header: t('carbon.colLines'), align: 'right', sortValue: (p) => p.lineCount, cell: (p) => number.format(p.lineCount) },
    { id: 'updated', header: t('carbon.colUpdated'), noWrap: true, sortValue: (p) => new Date(p.updatedAt).getTime(), cell: (p) => displayJst(p.updatedAt) },
  ];
  return (
    <Stack data-testid="carbon-list">
      <Title order={1}>{t('carbon.listHeading')}</Title>
      <Text>{t('carbon.listIntro')}</Text>
      <Anchor component={Link} to="/carbon/names" size="sm">
        {t('carbon.names.link')}
      </Anchor>
      <form noValidate onSubmit={form.onSubmit(({ name }) => create.mutate({ name }))}>
        <Group align="flex-start">
          <TextInput label={t('carbon.newName')} withAsterisk {...form.getInputProps('name')} maxLength={200} w={360} maw="100%" data-testid="carbon-new-name" />
          <Button type="submit" mt={25} loading={create.isPending} data-testid="carbon-create">
            {t('carbon.create')}
          </Button>
        </Group>
      </form>
      {create.isError && (
        <Alert color="red" role="alert">
          {errorText(t, create.error)}
        </Alert>
      )}
      <QueryState query={projects}>
        {(rows) => (
          <DataTable
            data={rows}
            columns={columns}
            rowKey={(p) => p.id}
            label={t('carbon.listHeading')}
            empty={<Text>{t('carbon.noProjects')}</Text>}
            initialSorting={[{ id: 'updated', desc: true }]}
            data-testid="carbon-table"
          />
        )}
      </QueryState>
    </Stack>
  );
}
