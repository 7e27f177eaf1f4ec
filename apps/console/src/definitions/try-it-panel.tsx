import { Alert, Card, Checkbox, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { cltExampleApplicationContent, type TProgrammeDefinition, type TryOutcome } from '@tsumiki/domain/programmes';
import { displayYen, useTRPC, YenInput } from '@tsumiki/ui';
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

function Outcome({ label, outcome, testId }: { label: string; outcome: TryOutcome | null; testId: string }) {
  const { t, i18n } = useTranslation();
  if (outcome === null) return <Text data-testid={testId}>{label}: {t('definitions.try.noPublished')}</Text>;
  if (!outcome.ok)
    return (
      <Alert color="yellow" title={label} data-testid={testId}>
        {outcome.issues.slice(0, 3).map((i, n) => (
          <Text key={n} size="sm">{t(i.code, { ns: 'errors', keySeparator: false, ...displayParams(i.params), field: '' })}</Text>
        ))}
      </Alert>
    );
  return (
    <Stack gap={2} data-testid={testId}>
      <Text fw={700}>{label}: {displayYen(outcome.result.grant.amount, i18n.language)}</Text>
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
      <Table mt="md">
        <Table.Tbody>
          <Table.Tr>
            <Table.Td><Outcome label={t('definitions.try.draft')} outcome={tryIt.data?.draft ?? null} testId="try-draft" /></Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>
              <Outcome label={tryIt.data?.publishedVersion ? t('definitions.try.published', { version: tryIt.data.publishedVersion }) : t('definitions.try.publishedNone')} outcome={tryIt.data?.published ?? null} testId="try-published" />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Card>
  );
}
