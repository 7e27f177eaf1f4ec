import { Alert, Badge, Button, Card, List, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TProgrammeKind } from '@tsumiki/domain';
import { ZChangeRequestForm, type TChangeKind } from '@tsumiki/domain/lifecycle';
import { applicationForm, contentWithValueAt, type FormIssue, type TApplicationContent, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { displayJst, displayYen, errorText, QueryState, useDomainForm, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BudgetEditor } from '../applications/budget-editor';
import { FormSectionFields, issueText } from '../applications/form-fields';
import { WithProgrammeRules } from '../applications/programme-rules';

/**
 * 変更申請 (003 §4.1; 001 §2.6): the applicant edits a copy of the frozen content — the plan's
 * sections, the budget tables (the wizard's own editors) — or names a company to add, gives the
 * reason, and sees the grant the change would give; the office approves or rejects it.
 */
export function ChangeRequests({ applicationId, kind, frozen, may }: { applicationId: string; kind: TProgrammeKind; frozen: TApplicationContent; may: boolean }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const changes = useQuery(trpc.lifecycle.changes.queryOptions({ applicationId }));
  return (
    <Stack gap="md" data-testid="change-requests">
      <Text size="sm">{t('lifecycle.change.intro')}</Text>
      {may ? <ChangeForm applicationId={applicationId} kind={kind} frozen={frozen} /> : <Alert color="gray">{t('lifecycle.change.notAllowed')}</Alert>}
      <Title order={3} size="h4">
        {t('lifecycle.change.list')}
      </Title>
      <QueryState query={changes}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('lifecycle.change.none')}</Text>
          ) : (
            <Stack gap="xs">
              {rows.map((c) => (
                <Card key={c.id} withBorder data-testid="change-row">
                  <Text fw={600}>
                    {t(`lifecycle.change.kinds.${c.kind}`)} <Badge color={c.status === 'approved' ? 'teal' : c.status === 'rejected' ? 'red' : 'blue'}>{t(`lifecycle.change.status.${c.status}`)}</Badge>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {displayJst(c.submittedAt)}
                  </Text>
                  <Text size="sm">{c.reason}</Text>
                  <Text size="sm">
                    {t('lifecycle.change.grant', { before: displayYen(c.currentGrantYen, i18n.language), after: displayYen(c.grantAfterYen, i18n.language), maximum: displayYen(c.maximumYen, i18n.language) })}
                  </Text>
                  {c.decisionReason && <Text size="sm">{t('lifecycle.change.decisionReason', { reason: c.decisionReason })}</Text>}
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

const blankCompany = { name: '', role: '', corporateNumber: '' };

function ChangeForm({ applicationId, kind, frozen }: { applicationId: string; kind: TProgrammeKind; frozen: TApplicationContent }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useDomainForm(ZChangeRequestForm, { initialValues: { applicationId, reason: '', change: { kind: 'budget', content: frozen } } });
  const change = form.values.change;
  const [issues, setIssues] = useState<FormIssue[]>([]);
  // The rules the application was submitted under (the page has read them already; the query is shared).
  const versionId = useQuery(trpc.applications.get.queryOptions({ id: applicationId }, { refetchOnWindowFocus: false })).data?.definition?.versionId;
  const request = useMutation(
    trpc.lifecycle.requestChange.mutationOptions({
      onSuccess: async (result) => {
        if (!result.ok) return setIssues(result.issues);
        setIssues([]);
        form.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.lifecycle.pathKey() });
      },
    }),
  );
  const edit = (path: string, value: unknown) => {
    if (change.kind === 'add_company') return;
    try {
      form.setFieldValue('change', { kind: change.kind, content: contentWithValueAt(change.content, path, value) });
    } catch {
      // A path the content does not have: nothing to change.
    }
  };
  const content = change.kind === 'add_company' ? frozen : change.content;
  const planSections = (rules: TProgrammeDefinition) => applicationForm(kind, rules).filter((s) => s.code !== 'applicant' && s.code !== 'pledge');
  return (
    <Card withBorder component="section" aria-labelledby="change-form-heading">
      <form onSubmit={form.onSubmit((input) => request.mutate(input))} noValidate data-testid="change-form">
        <Stack gap="sm">
          <Title order={3} size="h4" id="change-form-heading">
            {t('lifecycle.change.heading')}
          </Title>
          <SegmentedControl<TChangeKind>
            aria-label={t('lifecycle.change.kind')}
            value={change.kind}
            onChange={(v) => {
              form.setFieldValue('change', v === 'add_company' ? { kind: v, company: blankCompany } : { kind: v, content: frozen });
              setIssues([]);
            }}
            data={(['budget', 'plan', 'add_company'] as const).map((k) => ({ value: k, label: t(`lifecycle.change.kinds.${k}`) }))}
          />
          {/* The editors are drawn from the rules it was submitted under: while they load, or if they cannot be read, the form says so. */}
          {change.kind !== 'add_company' && versionId !== undefined && (
            <WithProgrammeRules versionId={versionId}>
              {(rules) =>
                change.kind === 'budget' ? (
                  <BudgetEditor rules={rules} content={content} issues={issues} showErrors onChange={edit} />
                ) : (
                  planSections(rules).map((s) => (
                    <Stack key={s.code} gap="xs">
                      <Title order={4} size="h5">
                        {s.title[lang]}
                      </Title>
                      <FormSectionFields section={s} content={content} issues={issues} showErrors={() => true} onChange={edit} />
                    </Stack>
                  ))
                )
              }
            </WithProgrammeRules>
          )}
          {change.kind === 'add_company' && (
            <Stack gap="xs">
              <TextInput label={t('lifecycle.change.companyName')} required {...form.getInputProps('change.company.name')} data-testid="change-company-name" />
              <TextInput label={t('lifecycle.change.companyRole')} required {...form.getInputProps('change.company.role')} data-testid="change-company-role" />
              <TextInput label={t('lifecycle.change.corporateNumber')} inputMode="numeric" {...form.getInputProps('change.company.corporateNumber')} data-testid="change-corporate-number" />
            </Stack>
          )}
          <Textarea label={t('lifecycle.change.reason')} required autosize minRows={3} {...form.getInputProps('reason')} data-testid="change-reason" />
          {issues.length > 0 && (
            <Alert color="red" role="alert" title={t('lifecycle.change.issues')}>
              <List size="sm">
                {issues.map((i) => (
                  <List.Item key={`${i.path}-${i.code}`}>{issueText(t, i)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {request.isError && (
            <Alert color="red" role="alert">
              {errorText(t, request.error)}
            </Alert>
          )}
          {request.data?.ok && (
            <Alert color="teal" role="status">
              {t('lifecycle.change.sent')}
            </Alert>
          )}
          <Button type="submit" loading={request.isPending} w="fit-content" data-testid="change-submit">
            {t('lifecycle.change.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
