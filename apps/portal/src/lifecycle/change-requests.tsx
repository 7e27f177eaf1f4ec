import { Alert, Badge, Button, Card, List, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TProgrammeKind } from '@tsumiki/domain';
import { ZAddedCompany, ZChangeReason, type TChangeKind } from '@tsumiki/domain/lifecycle';
import { applicationForm, contentWithValueAt, type FormIssue, type TApplicationContent } from '@tsumiki/domain/programmes';
import { displayJst, displayYen, errorText, fieldErrorText, QueryState, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BudgetEditor } from '../applications/budget-editor';
import { FormSectionFields, issueText } from '../applications/form-fields';

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

function ChangeForm({ applicationId, kind, frozen }: { applicationId: string; kind: TProgrammeKind; frozen: TApplicationContent }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [changeKind, setChangeKind] = useState<TChangeKind>('budget');
  const [content, setContent] = useState<TApplicationContent>(frozen);
  const [company, setCompany] = useState({ name: '', role: '', corporateNumber: '' });
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [issues, setIssues] = useState<FormIssue[]>([]);
  // The rules the application was submitted under (the page has them already; the query is shared).
  const rules = useQuery(trpc.applications.get.queryOptions({ id: applicationId }, { refetchOnWindowFocus: false })).data?.definition?.rules;
  const request = useMutation(
    trpc.lifecycle.requestChange.mutationOptions({
      onSuccess: async (result) => {
        if (!result.ok) return setIssues(result.issues);
        setIssues([]);
        setReason('');
        await queryClient.invalidateQueries({ queryKey: trpc.lifecycle.pathKey() });
      },
    }),
  );
  const companyInput = { name: company.name, role: company.role, ...(company.corporateNumber.trim() ? { corporateNumber: company.corporateNumber } : {}) };
  const companyCheck = ZAddedCompany.safeParse(companyInput);
  const reasonCheck = ZChangeReason.safeParse(reason);
  const companyError = (field: string) => (tried && !companyCheck.success ? fieldErrorText(t, companyCheck.error.issues.find((i) => i.path[0] === field)?.message) : undefined);
  const submit = () => {
    setTried(true);
    if (!reasonCheck.success) return;
    if (changeKind === 'add_company') {
      if (!companyCheck.success) return;
      request.mutate({ applicationId, reason: reasonCheck.data, change: { kind: 'add_company', company: companyCheck.data } });
    } else request.mutate({ applicationId, reason: reasonCheck.data, change: { kind: changeKind, content } });
  };
  const change = (path: string, value: unknown) =>
    setContent((c) => {
      try {
        return contentWithValueAt(c, path, value);
      } catch {
        return c;
      }
    });
  const planSections = (rules ? applicationForm(kind, rules) : []).filter((s) => s.code !== 'applicant' && s.code !== 'pledge');
  return (
    <Card withBorder component="section" aria-labelledby="change-form-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="change-form-heading">
          {t('lifecycle.change.heading')}
        </Title>
        <SegmentedControl<TChangeKind>
          aria-label={t('lifecycle.change.kind')}
          value={changeKind}
          onChange={(v) => {
            setChangeKind(v);
            setContent(frozen);
            setIssues([]);
          }}
          data={(['budget', 'plan', 'add_company'] as const).map((k) => ({ value: k, label: t(`lifecycle.change.kinds.${k}`) }))}
        />
        {changeKind === 'budget' && rules && <BudgetEditor rules={rules} content={content} issues={issues} showErrors onChange={change} />}
        {changeKind === 'plan' && planSections.map((s) => (
          <Stack key={s.code} gap="xs">
            <Title order={4} size="h5">
              {s.title[lang]}
            </Title>
            <FormSectionFields section={s} content={content} issues={issues} showErrors={() => true} onChange={change} />
          </Stack>
        ))}
        {changeKind === 'add_company' && (
          <Stack gap="xs">
            <TextInput label={t('lifecycle.change.companyName')} required value={company.name} onChange={(e) => { const value = e.currentTarget.value; setCompany((c) => ({ ...c, name: value })); }} error={companyError('name')} />
            <TextInput label={t('lifecycle.change.companyRole')} required value={company.role} onChange={(e) => { const value = e.currentTarget.value; setCompany((c) => ({ ...c, role: value })); }} error={companyError('role')} />
            <TextInput label={t('lifecycle.change.corporateNumber')} inputMode="numeric" value={company.corporateNumber} onChange={(e) => { const value = e.currentTarget.value; setCompany((c) => ({ ...c, corporateNumber: value })); }} error={companyError('corporateNumber')} />
          </Stack>
        )}
        <Textarea label={t('lifecycle.change.reason')} required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={tried && !reasonCheck.success ? fieldErrorText(t, reasonCheck.error.issues[0]?.message) : undefined} />
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
        <Button onClick={submit} loading={request.isPending} w="fit-content">
          {t('lifecycle.change.submit')}
        </Button>
      </Stack>
    </Card>
  );
}
