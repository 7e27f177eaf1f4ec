import { Alert, Button, Card, Group, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { citeSource } from '@tsumiki/domain/programmes';
import { bonusReviewFormSchema, bonusSectionOf, REASON_MAX_LENGTH, type BONUS_REVIEW_DECISIONS } from '@tsumiki/domain/review';
import { DataTable, errorText, useDomainForm, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type View = RouterOutputs['review']['open'];
type Bonus = NonNullable<View['bonus']>;
type BonusLine = Bonus['lines'][number];

/** The proposal's bonus items with the points they count; the office confirms or rejects each, with its reason. */
export function BonusPanel({ view, bonus }: { view: Pick<View, 'access' | 'application'>; bonus: Bonus }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const bonusColumns: DataColumn<BonusLine>[] = [
    { id: 'item', header: t('app.bonusItem'), rowHeader: true, cell: (l) => l.text[locale] },
    { id: 'facts', header: t('app.bonusFacts'), cell: (l) => t(`app.fromFacts.${l.fromFacts}`) },
    {
      id: 'points',
      header: t('app.bonusPoints'),
      cell: (l) => (
        <span data-testid={`bonus-points-${l.code}`}>
          {l.counted ? t('app.countedPoints', { points: l.points }) : t('app.notCountedPoints', { points: l.points })}
          {/* The brackets are the language's own: full-width in Japanese, after a space in English. */}
          {l.review &&
            t(l.review.reason ? 'app.bonusReviewedWithReason' : 'app.bonusReviewed', {
              decision: l.review.decision === 'confirmed' ? t('app.confirm') : t('app.reject'),
              reason: l.review.reason,
            })}
          {/* The domain's pending: an item the facts meet or leave open that no one in the office has looked at yet. */}
          {l.pending && t('app.bonusUnchecked')}
        </span>
      ),
    },
    ...(view.access === 'staff' ? [{ id: 'review', header: t('app.bonusReview'), cell: (l: BonusLine) => <BonusReview applicationId={view.application.id} line={l} /> }] : []),
  ];
  return (
    <Card withBorder data-testid="bonus">
      {/* Provisional as the domain says (assessBonus): while an item is unchecked, confirming or rejecting it may change the total. */}
      <Title order={2}>{t(bonus.provisional ? 'app.bonusTitleProvisional' : 'app.bonusTitle', { points: bonus.total })}</Title>
      {bonus.provisional && <Text size="sm">{t('app.bonusProvisional')}</Text>}
      {/* The one-point-per-item assumption is said only while every item holds to it (a definition may weigh its items). */}
      <Text size="sm" c="dimmed">{t(bonus.lines.every((l) => l.points === 1) ? 'app.bonusRule' : 'app.bonusRuleWeighted', { source: citeSource(bonusSectionOf(bonus.lines) ?? '003 §3.3.2')[locale] })}</Text>
      <DataTable data={bonus.lines} columns={bonusColumns} rowKey={(l) => l.code} label={t('app.bonus')} empty={<Text c="dimmed">{t('app.noBonus')}</Text>} striped={false} data-testid="bonus-table" />
    </Card>
  );
}

/** One item's review: the reason as typed, checked as the API checks it (a rejection, or an item the facts leave open, needs one). */
function BonusReview({ applicationId, line }: { applicationId: string; line: BonusLine }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schema = useMemo(() => bonusReviewFormSchema(line), [line]);
  const form = useDomainForm(schema, { initialValues: { decision: 'confirmed', reason: '' } });
  const review = useMutation(
    trpc.review.reviewBonus.mutationOptions({
      onSuccess: async () => {
        form.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.review.open.queryKey({ applicationId }) });
      },
    }),
  );
  // Each button is the decision: set it, then the schema checks the reason against it.
  const decideAs = (decision: (typeof BONUS_REVIEW_DECISIONS)[number]) => {
    form.setFieldValue('decision', decision);
    form.onSubmit((r) => review.mutate({ applicationId, item: line.code, ...r }))();
  };
  return (
    <Group gap="xs" align="start" data-testid={`bonus-review-${line.code}`}>
      <TextInput size="xs" placeholder={t('app.reason')} aria-label={t('app.bonusReason', { item: line.text[locale] })} maxLength={REASON_MAX_LENGTH} {...form.getInputProps('reason')} />
      <Button size="xs" variant="light" loading={review.isPending} onClick={() => decideAs('confirmed')}>{t('app.confirm')}</Button>
      <Button size="xs" variant="light" color="red" loading={review.isPending} onClick={() => decideAs('rejected')}>{t('app.reject')}</Button>
      {/* A decision the facts do not allow (confirming an item they rule out) is named here, not sent. */}
      {form.errorText('decision') && <Text size="xs" c="red" role="alert">{form.errorText('decision')}</Text>}
      {review.error && <Alert color="red" role="alert" p="xs">{errorText(t, review.error)}</Alert>}
    </Group>
  );
}
