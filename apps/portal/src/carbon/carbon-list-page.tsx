import { Alert, Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ZCarbonProjectContent } from '@tsumiki/domain/carbon';
import { displayJst, errorText, fieldErrorText, QueryState, useTRPC } from '@tsumiki/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

/** The organisation's carbon assessments, and a new one by name. */
export function CarbonListPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const projects = useQuery(trpc.carbon.list.queryOptions());
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const create = useMutation(trpc.carbon.create.mutationOptions({ onSuccess: (p) => void navigate(`/carbon/${p.id}`) }));
  const parsed = ZCarbonProjectContent.shape.name.safeParse(name);
  const nameError = touched && !parsed.success ? fieldErrorText(t, parsed.error.issues[0]?.message) : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (parsed.success) create.mutate({ name: parsed.data });
  };
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'ja-JP');
  return (
    <Stack data-testid="carbon-list">
      <Title order={1}>{t('carbon.listHeading')}</Title>
      <Text>{t('carbon.listIntro')}</Text>
      <Anchor component={Link} to="/carbon/names" size="sm">
        {t('carbon.names.link')}
      </Anchor>
      <Group component="form" onSubmit={onSubmit} align="flex-start">
        <TextInput label={t('carbon.newName')} withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} onBlur={() => setTouched(true)} error={nameError} maxLength={200} w={360} data-testid="carbon-new-name" />
        <Button type="submit" mt={25} loading={create.isPending} data-testid="carbon-create">
          {t('carbon.create')}
        </Button>
      </Group>
      {create.isError && (
        <Alert color="red" role="alert">
          {errorText(t, create.error)}
        </Alert>
      )}
      <QueryState query={projects} isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <Table striped data-testid="carbon-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('carbon.colName')}</Table.Th>
                <Table.Th ta="right">{t('carbon.colArea')}</Table.Th>
                <Table.Th ta="right">{t('carbon.colLines')}</Table.Th>
                <Table.Th>{t('carbon.colUpdated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/carbon/${p.id}`}>
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{p.grossFloorAreaM2 == null ? '—' : `${number.format(p.grossFloorAreaM2)} m²`}</Table.Td>
                  <Table.Td ta="right">{number.format(p.lineCount)}</Table.Td>
                  <Table.Td>{displayJst(p.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}
