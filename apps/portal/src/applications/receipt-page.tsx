import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PdfButton } from './pdf-button';
import { useQuery } from '@tanstack/react-query';
import { ZProgrammeKind } from '@tsumiki/domain';
import { applicationForm, citeSource, valueAtPath, type FormField } from '@tsumiki/domain/programmes';
import { DataTable, displayJst, displayYen, QueryState, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { langOf } from './form-fields';
import { WithProgrammeRules } from './programme-rules';

function shown(field: FormField, value: unknown, lang: 'ja' | 'en', yes: string, no: string): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (field.kind === 'select') return field.options?.find((o) => o.value === value)?.label[lang] ?? (typeof value === 'string' ? value : JSON.stringify(value));
  if (typeof value === 'number') return value.toLocaleString('ja-JP');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The receipt (受付) and the submitted content as it was frozen, laid out for printing. */
export function ReceiptPage() {
  const { id = '', versionNo = '1' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const trpc = useTRPC();
  const application = useQuery(trpc.applications.get.queryOptions({ id }));
  const submission = useQuery(trpc.applications.submission.queryOptions({ id, versionNo: Number(versionNo) }));
  const content = submission.data?.content;
  const fieldColumns: DataColumn<FormField>[] = [
    { id: 'field', header: t('apply.submit.field'), rowHeader: true, cell: (field) => field.label[lang] },
    {
      id: 'value',
      header: t('apply.submit.value'),
      cell: (field) => <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{shown(field, content === undefined ? undefined : valueAtPath(content, field.path), lang, t('apply.yes'), t('apply.no'))}</span>,
    },
  ];
  const budgetColumns: DataColumn<{ key: string; label: string; yen: number }>[] = [
    { id: 'item', header: t('apply.submit.field'), rowHeader: true, cell: (row) => row.label },
    { id: 'amount', header: t('apply.submit.amount'), align: 'right', noWrap: true, cell: (row) => displayYen(row.yen, i18n.language) },
  ];
  return (
    <QueryState query={application}>
      {(view) => (
        <QueryState query={submission}>
          {(frozen) => {
            const kind = ZProgrammeKind.safeParse(view.programme?.kind);
            const grant = (frozen.assessment as { grant?: { requested: number; amount: number; ownShare: number } }).grant;
            return (
              <Stack gap="md" data-testid="receipt">
                <Title order={1}>{t('apply.submit.receiptHeading')}</Title>
                <Card withBorder>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <div>
                      <Text size="xs" c="dimmed">
                        {t('apply.submit.tracking')}
                      </Text>
                      <Text size="xl" fw={700} data-testid="tracking-number">
                        {frozen.trackingNumber}
                      </Text>
                    </div>
                    <div>
                      <Text size="xs" c="dimmed">
                        {t('apply.submit.submittedAt')}
                      </Text>
                      <Text>
                        {displayJst(frozen.submittedAt)} ({t('apply.submit.version')} {frozen.versionNo})
                      </Text>
                    </div>
                    <div>
                      <Text size="xs" c="dimmed">
                        {t('apply.submit.requestedGrant')}
                      </Text>
                      <Text fw={600} data-testid="receipt-grant">
                        {frozen.requestedGrantYen === null ? '—' : displayYen(frozen.requestedGrantYen, i18n.language)}
                      </Text>
                    </div>
                    <div>
                      <Text size="xs" c="dimmed">
                        {t('application.status')}
                      </Text>
                      <Text>{t(`application.statuses.${view.status}`)}</Text>
                    </div>
                  </SimpleGrid>
                </Card>
                <Alert color="blue">{t('apply.submit.frozen')}</Alert>
                <Group className="tsumiki-no-print">
                  <Button onClick={() => window.print()}>{t('apply.submit.print')}</Button>
                  <PdfButton applicationId={view.id} versionNo={frozen.versionNo} variant="light" />
                  <Button component={Link} to="/" variant="subtle">
                    {t('apply.submit.back')}
                  </Button>
                </Group>
                <Title order={2} size="h3">
                  {frozen.title}
                </Title>
                {/* Drawn from the rules it was submitted under: while they load, or if they cannot be read, the page says so. */}
                {kind.success && view.definition && (
                  <WithProgrammeRules versionId={view.definition.versionId}>
                    {(rules) =>
                      applicationForm(kind.data, rules).map((section) => (
                        <Stack key={section.code} gap={4}>
                          <Title order={3} size="h4">
                            {section.title[lang]}{' '}
                            <Text span size="xs" c="dimmed">
                              {citeSource(section.source)[lang]}
                            </Text>
                          </Title>
                          <DataTable
                            data={section.fields}
                            columns={fieldColumns}
                            rowKey={(field) => field.path}
                            label={section.title[lang]}
                            empty={<Text size="sm">{t('apply.submit.noFields')}</Text>}
                            striped={false}
                          />
                        </Stack>
                      ))
                    }
                  </WithProgrammeRules>
                )}
                {grant && (
                  <DataTable
                    data={[
                      { key: 'requested', label: t('apply.summary.requested'), yen: grant.requested },
                      { key: 'grant', label: t('apply.summary.grant'), yen: grant.amount },
                      { key: 'ownShare', label: t('apply.summary.ownShare'), yen: grant.ownShare },
                    ]}
                    columns={budgetColumns}
                    rowKey={(row) => row.key}
                    label={t('apply.summary.heading')}
                    empty={null}
                    striped={false}
                    data-testid="receipt-budget"
                  />
                )}
              </Stack>
            );
          }}
        </QueryState>
      )}
    </QueryState>
  );
}
