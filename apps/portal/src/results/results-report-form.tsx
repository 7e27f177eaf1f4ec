import { ActionIcon, Alert, Anchor, Badge, Button, Card, Checkbox, Group, List, NumberInput, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApplicationStatus, TProgrammeKind } from '@tsumiki/domain';
import { applicantActions, checkResultsReport, PERSONNEL_CATEGORIES, type ReportIssue } from '@tsumiki/domain/lifecycle';
import { BUILTIN_PROGRAMMES, ENVIRONMENTAL_CHECKLIST, valueAtPath, type TCltContent } from '@tsumiki/domain/programmes';
import { displayJst, displayYen, errorText, QueryState, useTRPC } from '@tsumiki/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidenceUpload } from '../lifecycle/evidence-upload';
import { useReportAutosave } from './use-report-autosave';

interface Line {
  id: string;
  category?: string;
  description?: string;
  amount?: number;
  evidenceAttachmentIds?: string[];
}
interface Staff {
  personId: string;
  name?: string;
  type: string;
  pay: { kind: string; amount: number }[];
  welfare: { kind: string; amount: number }[];
  businessDays?: number;
  hoursPerDay?: number;
}
interface Entry {
  project: string;
  kind: string;
  start: string;
  end: string;
  description?: string;
}
interface Day {
  personId: string;
  date: string;
  writtenBy: string;
  countersignedBy?: string;
  breaks: { start: string; end: string }[];
  entries: Entry[];
}

const arr = <T,>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** A copy of `value` with `path` set; numeric segments index arrays (the report's lines, staff, diaries). */
export function setAtPath(value: unknown, path: readonly string[], next: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return next;
  if (Array.isArray(value) && /^\d+$/.test(head)) {
    const copy = [...(value as unknown[])];
    copy[Number(head)] = setAtPath(copy[Number(head)], rest, next);
    return copy;
  }
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  if (rest.length === 0 && next === undefined) delete record[head];
  else record[head] = setAtPath(record[head], rest, next);
  return record;
}
const num = (v: string | number) => (typeof v === 'number' ? v : undefined);

/** 実績報告 (001 §4; 003 §4.2): a form per programme, autosaved, checked live by the domain, submitted through the workflow. */
export function ResultsReportForm({ applicationId, onSubmitted }: { applicationId: string; onSubmitted?: () => void }) {
  const trpc = useTRPC();
  const draft = useQuery(trpc.lifecycle.reportDraft.queryOptions({ applicationId }, { refetchOnWindowFocus: false }));
  return <QueryState query={draft}>{(d) => <ReportEditor key={`${d.version ?? 0}`} applicationId={applicationId} initial={d} onSubmitted={onSubmitted} />}</QueryState>;
}

function ReportEditor({
  applicationId,
  initial,
  onSubmitted,
}: {
  applicationId: string;
  initial: { kind: TProgrammeKind; status: TApplicationStatus; applicationVersion: number; content: Record<string, unknown>; version: number | null; submittedAt: Date | null; categories: string[]; frozenChecklist: TCltContent['checklist'] | null };
  onSubmitted?: (() => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { kind } = initial;
  const editable = applicantActions(initial.status).report;
  const autosave = useReportAutosave(applicationId, initial);
  const { draft, update, state, savedAt } = autosave;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [serverIssues, setServerIssues] = useState<ReportIssue[] | null>(null);
  const files = useQuery(trpc.applications.get.queryOptions({ id: applicationId }));
  const fileName = (id: string) => files.data?.attachments.find((a) => a.id === id)?.file_name ?? id.slice(0, 8);
  const check = useMemo(() => checkResultsReport(kind, draft, initial.frozenChecklist ? { programme: 'clt_demonstration', checklist: initial.frozenChecklist } : null, new Date()), [kind, draft, initial.frozenChecklist]);
  const issues = serverIssues ?? check.issues;
  // An error shows once its field, or a field inside it (an entry's times), or the list holding it was edited.
  const shown = (path: string) => tried || [...touched].some((p) => p === path || p.startsWith(`${path}.`) || path.startsWith(`${p}.`));
  const errorAt = (path: string) => {
    if (!shown(path)) return undefined;
    const issue = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
    return issue ? t(issue.code, { ns: 'errors', keySeparator: false, defaultValue: issue.code, ...issue.params }) : undefined;
  };
  const set = (path: string, value: unknown) => {
    setTouched((s) => new Set(s).add(path));
    setServerIssues(null);
    update((d) => setAtPath(d, path.split('.'), value) as Record<string, unknown>);
  };

  const lines = arr<Line>(draft.lines);
  const categories = BUILTIN_PROGRAMMES[kind].costCategories.filter((c) => initial.categories.includes(c.code));
  const categoryName = (code: string) => categories.find((c) => c.code === code)?.name[lang] ?? code;
  const hasPersonnel = categories.some((c) => PERSONNEL_CATEGORIES.includes(c.code));
  const staff = arr<Staff>(valueAtPath(draft, 'personnel.staff'));
  const diaries = arr<Day>(valueAtPath(draft, 'personnel.diaries'));
  const publication = (draft.publication ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof publication[key] === 'string' ? publication[key] : '');
  const planned: Record<string, string> = initial.frozenChecklist?.answers ?? {};
  const checklistDone = ((valueAtPath(draft, 'checklist.answers') ?? {}) as Record<string, string>);

  const submit = useMutation(trpc.lifecycle.submitReport.mutationOptions());
  const trySubmit = async () => {
    setTried(true);
    setServerIssues(null);
    if (check.issues.length > 0) return;
    if (!(await autosave.flush()) || autosave.version.current === null) return;
    const result = await submit.mutateAsync({ applicationId, version: initial.applicationVersion, reportVersion: autosave.version.current }).catch(() => null);
    if (!result) return;
    if (!result.ok) return setServerIssues(result.issues);
    await queryClient.invalidateQueries({ queryKey: trpc.lifecycle.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
    onSubmitted?.();
  };

  const personOptions = staff.map((s) => ({ value: s.personId, label: s.name ? `${s.name}（${s.personId}）` : s.personId }));
  const sheet = (personId: string) => check.summary?.personnel.find((p) => p.personId === personId);

  return (
    <Stack gap="lg" data-testid="results-report">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('results.heading')}
        </Title>
        {editable && (
          <Badge color={{ saved: 'teal', dirty: 'gray', saving: 'blue', error: 'red', conflict: 'orange' }[state]} variant="light" role="status" data-testid="report-save-state" data-state={state}>
            {t(`results.save.${state}`, { time: savedAt ? displayJst(savedAt).slice(11, 16) : '' })}
          </Badge>
        )}
      </Group>
      {initial.submittedAt && !editable && <Alert color="teal">{t('results.submitted', { at: displayJst(initial.submittedAt) })}</Alert>}
      {!editable && !initial.submittedAt && <Alert color="gray">{t('results.locked')}</Alert>}
      {state === 'conflict' && (
        <Alert color="orange" role="alert">
          {t('results.draft_version_conflict', { ns: 'errors', keySeparator: false })}{' '}
          <Anchor component="button" type="button" onClick={() => window.location.reload()}>
            {t('results.reload')}
          </Anchor>
        </Alert>
      )}
      <Text size="sm">{t('results.intro')}</Text>

      <Stack component="section" aria-labelledby="report-lines" gap="xs">
        <Title order={3} size="h4" id="report-lines">
          {t('results.lines.heading')}
        </Title>
        {errorAt('lines') && lines.length === 0 && (
          <Text c="red" size="sm" role="alert">
            {errorAt('lines')}
          </Text>
        )}
        <Table withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('results.lines.category')}</Table.Th>
              <Table.Th scope="col">{t('results.lines.description')}</Table.Th>
              <Table.Th scope="col">{t('results.lines.amount')}</Table.Th>
              <Table.Th scope="col">{t('results.lines.evidence')}</Table.Th>
              <Table.Th scope="col" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, i) => (
              <Table.Tr key={line.id} data-testid="report-line">
                <Table.Td>
                  <Select
                    allowDeselect={false}
                    aria-label={`${t('results.lines.category')} ${i + 1}`}
                    data={categories.map((c) => ({ value: c.code, label: c.name[lang] }))}
                    value={line.category ?? null}
                    onChange={(v) => set(`lines.${i}.category`, v ?? '')}
                    error={errorAt(`lines.${i}.category`)}
                    disabled={!editable}
                    w={200}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`${t('results.lines.description')} ${i + 1}`} value={line.description ?? ''} maxLength={500} onChange={(e) => set(`lines.${i}.description`, e.currentTarget.value)} error={errorAt(`lines.${i}.description`)} disabled={!editable} />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t('results.lines.amount')} ${i + 1}`}
                    value={line.amount ?? ''}
                    onChange={(v) => set(`lines.${i}.amount`, num(v))}
                    thousandSeparator=","
                    error={errorAt(`lines.${i}.amount`)}
                    disabled={!editable}
                    w={170}
                    data-testid={`line-amount-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {(line.evidenceAttachmentIds ?? []).length === 0 ? (
                      <Text size="xs" c={errorAt(`lines.${i}.evidenceAttachmentIds`) ? 'red' : 'dimmed'} role={errorAt(`lines.${i}.evidenceAttachmentIds`) ? 'alert' : undefined}>
                        {errorAt(`lines.${i}.evidenceAttachmentIds`) ?? t('results.lines.noEvidence')}
                      </Text>
                    ) : (
                      <List size="xs" data-testid={`line-evidence-${i}`}>
                        {(line.evidenceAttachmentIds ?? []).map((id) => (
                          <List.Item key={id}>{fileName(id)}</List.Item>
                        ))}
                      </List>
                    )}
                    {editable && (
                      <EvidenceUpload
                        applicationId={applicationId}
                        testId={`line-evidence-input-${i}`}
                        onUploaded={(f) => {
                          void queryClient.invalidateQueries({ queryKey: trpc.applications.get.queryKey({ id: applicationId }) });
                          set(`lines.${i}.evidenceAttachmentIds`, [...(line.evidenceAttachmentIds ?? []), f.id]);
                        }}
                      />
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {editable && (
                    <ActionIcon variant="subtle" color="red" aria-label={t('results.lines.remove', { line: i + 1 })} onClick={() => set('lines', lines.filter((_, j) => j !== i))}>
                      ×
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={2}>
                {t('results.lines.total')}
              </Table.Th>
              <Table.Td data-testid="report-total">{displayYen(lines.reduce((s, l) => s + (typeof l.amount === 'number' && l.amount > 0 ? l.amount : 0), 0), i18n.language)}</Table.Td>
              <Table.Td colSpan={2}>
                {check.summary &&
                  Object.entries(check.summary.byCategory).map(([c, amount]) => (
                    <Text key={c} size="xs">
                      {categoryName(c)}: {displayYen(amount, i18n.language)}
                    </Text>
                  ))}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
        {editable && (
          <Button variant="light" w="fit-content" onClick={() => set('lines', [...lines, { id: `l${Date.now().toString(36)}`, category: categories[0]?.code ?? '', description: '', evidenceAttachmentIds: [] }])}>
            {t('results.lines.add')}
          </Button>
        )}
      </Stack>

      {kind === 'co2_factor_support' && (
        <Stack component="section" aria-labelledby="report-publication" gap="xs">
          <Title order={3} size="h4" id="report-publication">
            {t('results.publication.heading')}
          </Title>
          <SegmentedControl
            aria-label={t('results.publication.status')}
            value={typeof publication.status === 'string' ? publication.status : ''}
            onChange={(v) => set('publication', v === 'next_year' ? { status: 'next_year', developed: false } : { status: 'published' })}
            data={[
              { value: 'published', label: t('results.publication.published') },
              { value: 'next_year', label: t('results.publication.next_year') },
            ]}
            disabled={!editable}
          />
          {errorAt('publication') && !publication.status && (
            <Text c="red" size="sm" role="alert">
              {errorAt('publication')}
            </Text>
          )}
          {publication.status === 'published' && (
            <Group grow align="flex-start">
              <TextInput type="date" label={t('results.publication.publishedOn')} value={text('publishedOn')} onChange={(e) => set('publication.publishedOn', e.currentTarget.value)} error={errorAt('publication.publishedOn')} disabled={!editable} />
              <TextInput label={t('results.publication.where')} value={text('where')} onChange={(e) => set('publication.where', e.currentTarget.value)} error={errorAt('publication.where')} disabled={!editable} />
              <TextInput label={t('results.publication.url')} value={text('url')} onChange={(e) => set('publication.url', e.currentTarget.value || undefined)} error={errorAt('publication.url')} disabled={!editable} />
              <TextInput label={t('results.publication.factorValue')} value={text('factorValue')} onChange={(e) => set('publication.factorValue', e.currentTarget.value)} error={errorAt('publication.factorValue')} disabled={!editable} />
            </Group>
          )}
          {publication.status === 'next_year' && (
            <Stack gap="xs">
              <Group grow align="flex-start">
                <TextInput type="date" label={t('results.publication.expectedOn')} value={text('expectedOn')} onChange={(e) => set('publication.expectedOn', e.currentTarget.value)} error={errorAt('publication.expectedOn')} disabled={!editable} />
                <TextInput label={t('results.publication.reason')} value={text('reason')} onChange={(e) => set('publication.reason', e.currentTarget.value)} error={errorAt('publication.reason')} disabled={!editable} />
              </Group>
              <Checkbox label={t('results.publication.developed')} checked={publication.developed === true} onChange={(e) => set('publication.developed', e.currentTarget.checked)} error={errorAt('publication.developed')} disabled={!editable} />
            </Stack>
          )}
        </Stack>
      )}

      {hasPersonnel && (
        <Stack component="section" aria-labelledby="report-personnel" gap="xs">
          <Title order={3} size="h4" id="report-personnel">
            {t('results.personnel.heading')}
          </Title>
          <Text size="sm">{t('results.personnel.intro')}</Text>
          {errorAt('personnel') && (
            <Text c="red" size="sm" role="alert" data-testid="personnel-error">
              {issues.find((i) => i.path === 'personnel' || i.path === 'personnel.staff') ? t(issues.find((i) => i.path === 'personnel' || i.path === 'personnel.staff')!.code, { ns: 'errors', keySeparator: false, ...issues.find((i) => i.path === 'personnel' || i.path === 'personnel.staff')!.params }) : null}
            </Text>
          )}
          <Title order={4} size="h5">
            {t('results.personnel.staff')}
          </Title>
          {staff.map((s, i) => (
            <Card key={i} withBorder padding="xs" data-testid="staff-row">
              <Group align="flex-end" gap="xs" wrap="wrap">
                <TextInput label={t('results.personnel.personId')} value={s.personId} onChange={(e) => set(`personnel.staff.${i}.personId`, e.currentTarget.value)} w={110} disabled={!editable} />
                <TextInput label={t('results.personnel.name')} value={s.name ?? ''} onChange={(e) => set(`personnel.staff.${i}.name`, e.currentTarget.value)} w={140} disabled={!editable} />
                <Select allowDeselect={false} label={t('results.personnel.type')} data={(['regular', 'contract', 'seconded', 'manager'] as const).map((v) => ({ value: v, label: t(`results.personnel.types.${v}`) }))} value={s.type} onChange={(v) => set(`personnel.staff.${i}.type`, v ?? 'regular')} w={130} disabled={!editable} />
                <NumberInput label={t('results.personnel.pay')} thousandSeparator="," value={s.pay[0]?.amount ?? ''} onChange={(v) => set(`personnel.staff.${i}.pay`, num(v) === undefined ? [] : [{ kind: 'base_salary', amount: num(v) }])} w={160} error={errorAt(`personnel.staff.${i}.pay`)} disabled={!editable} />
                <NumberInput label={t('results.personnel.welfare')} thousandSeparator="," value={s.welfare[0]?.amount ?? ''} onChange={(v) => set(`personnel.staff.${i}.welfare`, num(v) === undefined ? [] : [{ kind: 'health_insurance', amount: num(v) }])} w={160} disabled={!editable} />
                <NumberInput label={t('results.personnel.businessDays')} value={s.businessDays ?? ''} onChange={(v) => set(`personnel.staff.${i}.businessDays`, num(v))} w={120} error={errorAt(`personnel.staff.${i}.businessDays`)} disabled={!editable} />
                <NumberInput label={t('results.personnel.hoursPerDay')} value={s.hoursPerDay ?? ''} decimalScale={2} onChange={(v) => set(`personnel.staff.${i}.hoursPerDay`, num(v))} w={120} error={errorAt(`personnel.staff.${i}.hoursPerDay`)} disabled={!editable} />
                {sheet(s.personId) && (
                  <Text size="sm" data-testid="staff-rate">
                    {t('results.personnel.sheet', { name: s.name ?? s.personId, rate: displayYen(sheet(s.personId)!.rate, i18n.language), hours: sheet(s.personId)!.directMinutes / 60, cost: displayYen(sheet(s.personId)!.cost, i18n.language) })}
                  </Text>
                )}
              </Group>
            </Card>
          ))}
          {editable && (
            <Button variant="light" size="xs" w="fit-content" onClick={() => set('personnel.staff', [...staff, { personId: `p${staff.length + 1}`, type: 'regular', pay: [], welfare: [] }])}>
              {t('results.personnel.addStaff')}
            </Button>
          )}
          <Title order={4} size="h5">
            {t('results.personnel.diaries')}
          </Title>
          {diaries.map((day, d) => (
            <Card key={d} withBorder padding="xs" data-testid="diary-day">
              <Stack gap="xs">
                <Group align="flex-end" gap="xs" wrap="wrap">
                  <Select allowDeselect={false} label={t('results.personnel.person')} data={personOptions} value={day.personId || null} onChange={(v) => { set(`personnel.diaries.${d}.personId`, v ?? ''); set(`personnel.diaries.${d}.writtenBy`, v ?? ''); }} w={180} error={errorAt(`personnel.diaries.${d}.personId`)} disabled={!editable} />
                  <TextInput type="date" label={t('results.personnel.date')} value={day.date} onChange={(e) => set(`personnel.diaries.${d}.date`, e.currentTarget.value)} error={errorAt(`personnel.diaries.${d}.date`)} disabled={!editable} />
                  <TextInput label={t('results.personnel.countersignedBy')} value={day.countersignedBy ?? ''} onChange={(e) => set(`personnel.diaries.${d}.countersignedBy`, e.currentTarget.value || undefined)} w={180} disabled={!editable} />
                  <TextInput type="time" label={t('results.personnel.breakStart')} value={day.breaks[0]?.start ?? ''} onChange={(e) => set(`personnel.diaries.${d}.breaks`, [{ start: e.currentTarget.value, end: day.breaks[0]?.end ?? '' }])} disabled={!editable} />
                  <TextInput type="time" label={t('results.personnel.breakEnd')} value={day.breaks[0]?.end ?? ''} onChange={(e) => set(`personnel.diaries.${d}.breaks`, [{ start: day.breaks[0]?.start ?? '', end: e.currentTarget.value }])} disabled={!editable} />
                  {editable && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => set('personnel.diaries', diaries.filter((_, j) => j !== d))}>
                      {t('results.personnel.removeDay')}
                    </Button>
                  )}
                </Group>
                {errorAt(`personnel.diaries.${d}`) && issues.some((i) => i.path === `personnel.diaries.${d}`) && (
                  <Text c="red" size="sm" role="alert">
                    {errorAt(`personnel.diaries.${d}`)}
                  </Text>
                )}
                {day.entries.map((entry, e) => (
                  <Group key={e} align="flex-start" gap="xs" wrap="wrap" data-testid="diary-entry">
                    <TextInput aria-label={`${t('results.personnel.project')} ${e + 1}`} placeholder={t('results.personnel.project')} value={entry.project} onChange={(ev) => set(`personnel.diaries.${d}.entries.${e}.project`, ev.currentTarget.value)} w={160} disabled={!editable} />
                    <Select allowDeselect={false} aria-label={`${t('results.personnel.kind')} ${e + 1}`} data={(['this_project', 'other_project', 'own_business'] as const).map((v) => ({ value: v, label: t(`results.personnel.kinds.${v}`) }))} value={entry.kind} onChange={(v) => set(`personnel.diaries.${d}.entries.${e}.kind`, v ?? 'this_project')} w={140} disabled={!editable} />
                    <TextInput type="time" aria-label={`${t('results.personnel.start')} ${e + 1}`} value={entry.start} onChange={(ev) => set(`personnel.diaries.${d}.entries.${e}.start`, ev.currentTarget.value)} disabled={!editable} data-testid={`entry-start-${d}-${e}`} />
                    <TextInput type="time" aria-label={`${t('results.personnel.end')} ${e + 1}`} value={entry.end} onChange={(ev) => set(`personnel.diaries.${d}.entries.${e}.end`, ev.currentTarget.value)} disabled={!editable} data-testid={`entry-end-${d}-${e}`} />
                    {errorAt(`personnel.diaries.${d}.entries.${e}`) && (
                      <Text c="red" size="sm" role="alert" maw={420} data-testid="diary-entry-error">
                        {errorAt(`personnel.diaries.${d}.entries.${e}`)}
                      </Text>
                    )}
                    {editable && (
                      <ActionIcon variant="subtle" color="red" aria-label={t('results.personnel.removeEntry', { line: e + 1 })} onClick={() => set(`personnel.diaries.${d}.entries`, day.entries.filter((_, j) => j !== e))}>
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                ))}
                {editable && (
                  <Button size="xs" variant="subtle" w="fit-content" onClick={() => set(`personnel.diaries.${d}.entries`, [...day.entries, { project: '', kind: 'this_project', start: '', end: '', description: '' }])}>
                    {t('results.personnel.addEntry')}
                  </Button>
                )}
              </Stack>
            </Card>
          ))}
          {editable && (
            <Button variant="light" size="xs" w="fit-content" onClick={() => set('personnel.diaries', [...diaries, { personId: staff[0]?.personId ?? '', writtenBy: staff[0]?.personId ?? '', date: '', breaks: [{ start: '12:00', end: '13:00' }], entries: [{ project: '本事業', kind: 'this_project', start: '', end: '', description: '' }] }])}>
              {t('results.personnel.addDay')}
            </Button>
          )}
          {check.summary && (
            <Text fw={600} data-testid="personnel-computed">
              {t('results.personnel.computed', { amount: displayYen(check.summary.personnelCostYen, i18n.language) })}
            </Text>
          )}
        </Stack>
      )}

      {kind === 'clt_demonstration' && (
        <Stack component="section" aria-labelledby="report-checklist" gap="xs">
          <Title order={3} size="h4" id="report-checklist">
            {t('results.checklist.heading')}
          </Title>
          <Text size="sm">{t('results.checklist.intro')}</Text>
          <Table withTableBorder>
            <Table.Tbody>
              {ENVIRONMENTAL_CHECKLIST.items.map((item) => {
                const path = `checklist.answers.${item.no}`;
                return (
                  <Table.Tr key={item.no}>
                    <Table.Td w={60}>{item.label}</Table.Td>
                    <Table.Td>{item.text[lang]}</Table.Td>
                    <Table.Td w={180}>
                      {planned[String(item.no)] === 'will_do' ? (
                        <Checkbox
                          label={t('results.checklist.done')}
                          aria-label={`${item.label} ${t('results.checklist.done')}`}
                          checked={checklistDone[String(item.no)] === 'done'}
                          onChange={(e) => set('checklist', { answers: Object.fromEntries(Object.entries({ ...checklistDone, [String(item.no)]: e.currentTarget.checked ? 'done' : undefined }).filter(([, v]) => v !== undefined)) })}
                          error={errorAt(path)}
                          disabled={!editable}
                          data-testid={`checklist-done-${item.no}`}
                        />
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('results.checklist.notApplicable')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Stack>
      )}

      {tried && issues.length > 0 && (
        <Alert color="red" title={t('results.issuesTitle', { count: issues.length })} role="alert" data-testid="report-issues">
          <List size="sm">
            {issues.map((i, n) => (
              <List.Item key={`${i.path}-${i.code}-${n}`}>{t(i.code, { ns: 'errors', keySeparator: false, defaultValue: i.code, ...i.params })}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {submit.isError && (
        <Alert color="red" role="alert">
          {errorText(t, submit.error)}
        </Alert>
      )}
      {editable && (
        <Button size="md" w="fit-content" onClick={() => void trySubmit()} loading={submit.isPending} data-testid="report-submit">
          {t('results.submit')}
        </Button>
      )}
    </Stack>
  );
}
