import { Alert, Anchor, Button, Card, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { fieldIssueOf } from '@tsumiki/domain';
import { ZCreateProgrammeFromTemplate, ZProgrammeCode, type TTemplateCode } from '@tsumiki/domain/programmes';
import { errorText, fieldErrorText, QueryState, useSession, useTRPC } from '@tsumiki/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

type Template = RouterOutputs['programmeDefinitions']['templates'][number];

interface Values {
  template: TTemplateCode | null;
  officeOrganisationId: string;
  nameJa: string;
  nameEn: string;
  code: string;
}
type Field = keyof Values;

/** The first issue per field, as the domain's schema names it. */
function check(values: Values) {
  const result = ZCreateProgrammeFromTemplate.safeParse({ ...values, template: values.template ?? undefined, officeOrganisationId: values.officeOrganisationId || undefined });
  const issues = new Map<string, { code: string; params: Record<string, string | number> }>();
  for (const issue of result.error?.issues ?? []) {
    const field = fieldIssueOf(issue);
    if (!issues.has(field.path)) issues.set(field.path, { code: field.code, params: field.params });
  }
  return { parsed: result.success ? result.data : null, issues };
}

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
  const [values, setValues] = useState<Values>({ template: null, officeOrganisationId: offices[0]?.organisationId ?? '', nameJa: '', nameEn: '', code: '' });
  const [touched, setTouched] = useState<Set<Field>>(new Set());
  const [tried, setTried] = useState(false);
  const { parsed, issues } = check(values);
  const taken = useCodeTaken(values.code);
  const create = useMutation(
    trpc.programmeDefinitions.createFromTemplate.mutationOptions({
      onSuccess: async ({ id }) => {
        await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.programmeDefinitions.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.rounds.list.queryKey() })]);
        await navigate(`/programme-definitions/${id}`);
      },
    }),
  );
  const set = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((s) => new Set(s).add(field));
  };
  // Choosing a template offers its name, which the office then makes its own.
  const choose = (code: string) => {
    const template = templates.find((x) => x.code === code);
    if (!template) return;
    setValues((v) => ({ ...v, template: template.code, nameJa: touched.has('nameJa') ? v.nameJa : template.name.ja, nameEn: touched.has('nameEn') ? v.nameEn : template.name.en }));
  };
  const errorOf = (field: Field) => {
    const issue = issues.get(field);
    if (issue && (tried || touched.has(field))) return fieldErrorText(t, issue.code, issue.params);
    if (field === 'code' && taken) return fieldErrorText(t, 'programmes.code_taken', { code: values.code.trim() });
    return undefined;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (parsed && taken !== true) create.mutate(parsed);
  };
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <Stack component="form" onSubmit={submit} gap="lg">
      <Card withBorder>
        <Radio.Group
          name="template"
          label={t('definitions.create.template')}
          description={t('definitions.create.templateHint')}
          withAsterisk
          value={values.template}
          onChange={choose}
          error={tried && values.template === null ? t('definitions.create.templateRequired') : undefined}
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
          onChange={(v) => v && set('officeOrganisationId', v)}
          allowDeselect={false}
          data-testid="programme-office"
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('definitions.create.nameJa')} withAsterisk value={values.nameJa} onChange={(e) => set('nameJa', e.currentTarget.value)} error={errorOf('nameJa')} maxLength={200} data-testid="programme-name-ja" />
        <TextInput label={t('definitions.create.nameEn')} withAsterisk value={values.nameEn} onChange={(e) => set('nameEn', e.currentTarget.value)} error={errorOf('nameEn')} maxLength={200} data-testid="programme-name-en" />
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
        value={values.code}
        onChange={(e) => set('code', e.currentTarget.value)}
        error={errorOf('code')}
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
  );
}
