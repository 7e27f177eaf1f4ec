import { Alert, Card, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { cltExampleApplicationContent, type TProgrammeDefinition, type TryOutcome } from '@tsumiki/domain/programmes';
import { DataTable, displayYen, useTRPC, YenInput, type DataColumn } from '@tsumiki/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayParams } from '@tsumiki/domain';

const MAX_YEN = 100_000_000_000;

/** A sample application's grant input for the engine: amounts per category and answers, or the call's own example. */
function sampleFor(draft: TProgrammeDefinition, amounts: Record<string, number>, answers: Record<string, boolean>): unknown {
  if (draft.engine === 'clt') return cltExampleApplicationContent().grant;
  const sectionOf = (category: string) => draft.sections.find((s) => s.categories.includes(category))?.code;
  return {
    facts: answers,
    lines: Object.entries(amounts)
      .filter(([, amount]) => amount > 0)
      .map(([category, amount], i) => ({ id: `sample-${i + 1}`, section: sectionOf(category), category, amount })),
  };
}

interface Computed {
  readonly key: 'draft' | 'published';
  readonly label: string;
  readonly outcome: TryOutcome | null;
}

/**
 * The field an issue is about, in the reader's language, when the domain named it as the form does
 * (it sends `fieldEn` with the name); otherwise `field` is a path in the JSON, which is left out.
 */
const namedField = (params: Readonly<Record<string, string | number>>, locale: 'ja' | 'en') => (params.fieldEn === undefined ? '' : locale === 'en' ? params.fieldEn : (params.field ?? ''));

/** One version's result; the version it is computed under is the row's header. */
function Outcome({ outcome, testId }: { outcome: TryOutcome | null; testId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  if (outcome === null) return <Text data-testid={testId}>{t('definitions.try.noPublished')}</Text>;
  if (!outcome.ok)
    return (
      <Alert color="yellow" data-testid={testId}>
        {outcome.issues.slice(0, 3).map((i, n) => (
          <Text key={n} size="sm">{t(i.code, { ns: 'errors', keySeparator: false, ...displayParams(i.params), field: namedField(i.params, locale) })}</Text>
        ))}
      </Alert>
    );
  return (
    <Stack gap={2} data-testid={testId}>
      <Text fw={700}>{displayYen(outcome.result.grant.amount, i18n.language)}</Text>
      <Text size="sm" c="dimmed">{t(`definitions.try.eligibility.${outcome.result.eligibility.status}`)}</Text>
    </Stack>
  );
}

/** "Try it": a sample application computed under the draft as typed and under the published version. */
export function TryItPanel({ programmeId, draft }: { programmeId: string; draft: TProgrammeDefinition }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const [amounts, setAmounts] = useState<Record<string, number>>({});
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const tryIt = useMutation(trpc.programmeDefinitions.tryIt.mutationOptions());
  const sample = sampleFor(draft, amounts, answers);
  const key = JSON.stringify([draft, sample]);
  const { mutate } = tryIt;
  const computed: Computed[] = [
    { key: 'draft', label: t('definitions.try.draft'), outcome: tryIt.data?.draft ?? null },
    { key: 'published', label: tryIt.data?.publishedVersion ? t('definitions.try.published', { version: tryIt.data.publishedVersion }) : t('definitions.try.publishedNone'), outcome: tryIt.data?.published ?? null },
  ];
  const columns: DataColumn<Computed>[] = [
    { id: 'version', header: t('definitions.try.version'), rowHeader: true, cell: (c) => c.label },
    { id: 'result', header: t('definitions.try.result'), cell: (c) => <Outcome outcome={c.outcome} testId={`try-${c.key}`} /> },
  ];
  // Computed again a moment after the last keystroke, not on each one.
  useEffect(() => {
    const timer = setTimeout(() => mutate({ programmeDefinitionId: programmeId, draft, sample }), 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key stands for draft and sample
  }, [key, programmeId, mutate]);
  return (
    <Card withBorder data-testid="try-it">
      <Title order={2} size="h3">{t('definitions.try.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{draft.engine === 'clt' ? t('definitions.try.cltExample') : t('definitions.try.intro')}</Text>
      {draft.engine === 'co2_factor' && <Text size="sm">{t('definitions.try.co2')}</Text>}
      {draft.engine === 'generic' && (
        <Stack gap="xs">
          {draft.costCategories.map((c) => (
            <YenInput key={c.code} label={c.name[locale] || t('definitions.unnamed')} value={amounts[c.code]} max={MAX_YEN} onChange={(v) => setAmounts({ ...amounts, [c.code]: v ?? 0 })} />
          ))}
          {draft.questions.filter((q) => q.answer === 'yes_no').map((q) => (
            <Checkbox key={q.fact} label={q.text[locale] || t('definitions.unnamed')} checked={answers[q.fact] ?? false} onChange={(e) => setAnswers({ ...answers, [q.fact]: e.currentTarget.checked })} />
          ))}
        </Stack>
      )}
      <DataTable
        data={computed}
        columns={columns}
        rowKey={(c) => c.key}
        label={t('definitions.try.title')}
        empty={null}
        striped={false}
        data-testid="try-results"
      />
    </Card>
  );
}
