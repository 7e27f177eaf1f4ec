import { Alert, Anchor, Button, Card, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { ZCreateProgrammeForm, ZProgrammeCode } from '@tsumiki/domain/programmes';
import { errorText, fieldErrorText, QueryState, useDomainForm, useSession, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

type Template = RouterOutputs['programmeDefinitions']['templates'][number];

/** Whether a well-formed code is free, asked once typing pauses; null while unknown. */
function useCodeTaken(code: string): boolean | null {
  const trpc = useTRPC();
  const [settled] = useDebouncedValue(code.trim(), 300);
  const wellFormed = ZProgrammeCode.safeParse(settled).success;
  const query = useQuery(trpc.programmeDefinitions.codeAvailable.queryOptions({ code: settled }, { enabled: wellFormed, staleTime: 0 }));
  if (!wellFormed || settled !== code.trim() || query.data?.code !== settled) return null;
  return !query.data.available;
}

/** A new programme from a template: the admin picks the template and office, names it and gives its code, then edits its rules. */
export function NewProgrammePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const templates = useQuery(trpc.programmeDefinitions.templates.queryOptions());
  return (
    <Stack gap="lg" maw={880} data-testid="new-programme-page">
      <Title order={1}>{t('definitions.create.title')}</Title>
      <Text size="sm">{t('definitions.create.intro')}</Text>
      <QueryState query={templates}>{(rows) => <NewProgrammeForm templates={rows} />}</QueryState>
    </Stack>
  );
}

function NewProgrammeForm({ templates }: { templates: readonly Template[] }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const session = useSession();
  const offices = session.memberships.filter((m) => m.role === 'programme_admin');
  const form = useDomainForm(ZCreateProgrammeForm, { initialValues: { template: null, officeOrganisationId: offices[0]?.organisationId ?? '', nameJa: '', nameEn: '', code: '' } });
  const values = form.getValues();
  const taken = useCodeTaken(values.code);
  const create = useMutation(
    trpc.programmeDefinitions.createFromTemplate.mutationOptions({
      onSuccess: async ({ id }) => {
        await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.programmeDefinitions.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.rounds.list.queryKey() })]);
        await navigate(`/programme-definitions/${id}`);
      },
    }),
  );
  // Choosing a template offers its name, which the office then makes its own: a name typed is kept.
  const offered = (name: string, of: (x: Template) => string) => name === '' || templates.some((x) => of(x) === name);
  const choose = (code: string) => {
    const template = templates.find((x) => x.code === code);
    if (!template) return;
    form.setValues({
      template: template.code,
      ...(offered(values.nameJa, (x) => x.name.ja) ? { nameJa: template.name.ja } : {}),
      ...(offered(values.nameEn, (x) => x.name.en) ? { nameEn: template.name.en } : {}),
    });
  };
  // A code already in use is the API's to know; asked once typing pauses, said beside the code.
  const codeError = form.errorText('code') ?? (taken ? fieldErrorText(t, 'programmes.code_taken', { code: values.code.trim() }) : undefined);
  const submit = form.onSubmit((input) => {
    if (taken !== true) create.mutate(input);
  });
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <form noValidate onSubmit={submit}>
    <Stack gap="lg">
      <Card withBorder>
        <Radio.Group
          name="template"
          label={t('definitions.create.template')}
          description={t('definitions.create.templateHint')}
          withAsterisk
          value={values.template}
          onChange={choose}
          error={form.errorText('template')}
          data-testid="template-choice"
        >
          <Stack gap="md" mt="sm">
            {templates.map((x) => (
              <Radio
                key={x.code}
                value={x.code}
                label={x.name[locale]}
                description={x.description[locale]}
                data-testid={`template-${x.code}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      </Card>
      {offices.length > 1 && (
        <Select
          label={t('definitions.create.office')}
          withAsterisk
          data={offices.map((m) => ({ value: m.organisationId, label: locale === 'en' ? m.organisationNameEn : m.organisationNameJa }))}
          value={values.officeOrganisationId}
          onChange={(v) => v && form.setFieldValue('officeOrganisationId', v)}
          allowDeselect={false}
          data-testid="programme-office"
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('definitions.create.nameJa')} withAsterisk {...form.getInputProps('nameJa')} maxLength={200} data-testid="programme-name-ja" />
        <TextInput label={t('definitions.create.nameEn')} withAsterisk {...form.getInputProps('nameEn')} maxLength={200} data-testid="programme-name-en" />
      </SimpleGrid>
      <TextInput
        label={t('definitions.create.code')}
        description={
          <>
            {t('definitions.create.codeHint')}
            <code>lca_support_r8</code>
          </>
        }
        withAsterisk
        {...form.getInputProps('code')}
        error={codeError}
        maxLength={50}
        autoComplete="off"
        spellCheck={false}
        w={420}
        data-testid="programme-code"
      />
      {create.error && (
        <Alert color="red" role="alert">
          {errorText(t, create.error)}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={create.isPending} data-testid="programme-create">
          {t('definitions.create.submit')}
        </Button>
        <Anchor component={Link} to="/rounds">
          {t('definitions.create.back')}
        </Anchor>
      </Group>
    </Stack>
    </form>
  );
}
