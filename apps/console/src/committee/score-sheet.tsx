import { Alert, Badge, Button, Card, Group, List, NumberInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { isSheetSubmitted, sheetFormSchema, sheetStanding, type BonusAssessment, type TSheetFormValues } from '@tsumiki/domain/review';
import { ConfirmButton, DataTable, displayJst, errorText, QueryState, UnsavedChangesGuard, useDomainForm, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Sheet = RouterOutputs['review']['sheet'];
type Item = Sheet['rubric']['items'][number];

/** The member's score sheet, with the proposal's bonus points added to its total as the ranking adds them. */
export function ScoreSheet({ applicationId, bonus }: { applicationId: string; bonus: BonusAssessment | null }) {
  const trpc = useTRPC();
  const sheet = useQuery(trpc.review.sheet.queryOptions({ applicationId }));
  return <QueryState query={sheet}>{(s) => <ScoreSheetForm applicationId={applicationId} sheet={s} bonus={bonus} />}</QueryState>;
}

function ScoreSheetForm({ applicationId, sheet: s, bonus }: { applicationId: string; sheet: Sheet; bonus: BonusAssessment | null }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stored = new Map((s.sheet?.scores ?? []).map((x) => [x.item, x]));
  const schema = useMemo(() => sheetFormSchema(s.rubric), [s.rubric]);
  const initialValues: TSheetFormValues = {
    scores: s.rubric.items.map((i) => ({ item: i.code, score: stored.get(i.code)?.score ?? '', comment: stored.get(i.code)?.comment ?? '' })),
    overallComment: s.sheet?.overallComment ?? '',
  };
  const form = useDomainForm(schema, { initialValues });
  const save = useMutation(
    trpc.review.saveSheet.mutationOptions({
      onSuccess: async () => {
        // What was typed is now what is stored: nothing left to lose on leaving.
        form.resetDirty();
        await queryClient.invalidateQueries({ queryKey: trpc.review.sheet.queryKey({ applicationId }) });
      },
    }),
  );
  const locked = s.sheet ? isSheetSubmitted(s.sheet) : false;
  const values = form.getValues();
  const standing = sheetStanding({ scores: values.scores.map((x) => ({ item: x.item, score: x.score === '' ? null : x.score })) }, s.rubric, bonus?.total ?? 0);
  const dirty = !locked && form.isDirty();
  // A score the scale refuses holds both ways of saving; its reason is beside it once the field is left.
  const refused = !form.isValid();
  const saveAs = (submit: boolean) => form.onSubmit((sheet) => save.mutate({ applicationId, version: s.sheet?.version ?? null, submit, ...sheet }))();
  const scale = t('sheet.scale', { min: s.rubric.scale.min, max: s.rubric.scale.max });
  const columns: DataColumn<Item>[] = [
    { id: 'item', header: t('sheet.item'), rowHeader: true, cell: (i) => i.text[locale] },
    {
      id: 'score',
      header: t('sheet.score'),
      cell: (i) => {
        const index = s.rubric.items.indexOf(i);
        return (
          <NumberInput
            size="xs"
            miw={160}
            min={s.rubric.scale.min}
            max={s.rubric.scale.max}
            // A 9 on a 1–5 scale stays a 9 with the reason beside it: never brought into range silently.
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            disabled={locked}
            {...form.getInputProps(`scores.${index}.score`)}
            aria-label={`${i.text[locale]}（${scale}）`}
            description={scale}
            data-testid={`score-${i.code}`}
          />
        );
      },
    },
    {
      id: 'comment',
      header: t('sheet.comment'),
      cell: (i) => <TextInput size="xs" disabled={locked} aria-label={`${t('sheet.comment')}（${i.text[locale]}）`} placeholder={t('sheet.comment')} maxLength={2000} {...form.getInputProps(`scores.${s.rubric.items.indexOf(i)}.comment`)} />,
    },
  ];
  return (
    <Card withBorder data-testid="score-sheet">
      <UnsavedChangesGuard when={dirty} />
      <Group justify="space-between">
        <Title order={2}>{t('sheet.title')}</Title>
        <Badge>{locked ? t('sheet.submitted', { at: s.sheet?.submittedAt ? displayJst(s.sheet.submittedAt) : '' }) : t('sheet.draft')}</Badge>
      </Group>
      <Text size="sm" mt="xs" fw={600}>{t('sheet.levels')}（{scale}）</Text>
      <List size="sm" data-testid="sheet-levels">
        {s.rubric.levels.map((l) => <List.Item key={l.score}>{l.score} — {l.text[locale]}</List.Item>)}
      </List>
      <DataTable data={s.rubric.items} columns={columns} rowKey={(i) => i.code} label={t('sheet.title')} empty={<Text c="dimmed">{t('sheet.noItems')}</Text>} striped={false} />
      <Textarea mt="sm" label={t('sheet.overall')} disabled={locked} maxLength={4000} {...form.getInputProps('overallComment')} />
      <SheetStandingText standing={standing} bonus={bonus} />
      {dirty && <Text size="sm" c="dimmed" data-testid="sheet-unsaved">{t('sheet.unsavedHint')}</Text>}
      {save.error && <Alert color="red" role="alert">{errorText(t, save.error)}</Alert>}
      {!locked && (
        <Group mt="sm">
          <Button variant="default" loading={save.isPending} disabled={refused} onClick={() => saveAs(false)} data-testid="sheet-draft">
            {t('sheet.saveDraft')}
          </Button>
          <ConfirmButton loading={save.isPending} disabled={refused} title={t('sheet.confirmTitle')} message={t('sheet.confirmMessage')} confirmLabel={t('sheet.confirmYes')} onConfirm={() => saveAs(true)} data-testid="sheet-submit">
            {t('sheet.submit')}
          </ConfirmButton>
        </Group>
      )}
    </Card>
  );
}

function SheetStandingText({ standing, bonus }: { standing: ReturnType<typeof sheetStanding>; bonus: BonusAssessment | null }) {
  const { t } = useTranslation();
  const counted = bonus?.lines.filter((l) => l.counted).length ?? 0;
  return (
    <>
      <Text mt="xs" data-testid="sheet-total">
        {standing.evaluation === null
          ? t('sheet.standingIncomplete', { maximum: standing.maximum, bonus: standing.bonus })
          : t('sheet.standing', { evaluation: standing.evaluation, maximum: standing.maximum, bonus: standing.bonus, total: standing.total })}
      </Text>
      {bonus && <Text size="sm" c="dimmed" data-testid="sheet-bonus">{t(bonus.provisional ? 'sheet.bonusLineProvisional' : 'sheet.bonusLine', { points: bonus.total, count: counted })}</Text>}
    </>
  );
}
