import { Group, SimpleGrid, Text } from '@mantine/core';
import { knownFacts, type TCondition, type TCriterion } from '@tsumiki/domain/programmes';
import { useTranslation } from 'react-i18next';
import { BilingualField, ChoiceField, NumberField, TextField, type Path } from './definition-fields';
import { EditorCard, RemoveButton, type SectionProps } from './definition-sections';
import { withItem, withoutItem } from './draft-state';

const ANSWERS = ['yes_no', 'number', 'date', 'text'] as const;
const LEVELS = ['required', 'recommended', 'notice'] as const;

/** The questions the form asks: each answer is a fact the conditions may read. */
export function QuestionsSection({ draft, set, replace, issueAt }: SectionProps) {
  const { t } = useTranslation();
  const path: Path = ['questions'];
  const add = () => replace(withItem(draft, path, draft.questions, { fact: `question${draft.questions.length + 1}`, text: { ja: '', en: '' }, answer: 'yes_no', source: draft.sourceDocument }));
  return (
    <EditorCard title={t('definitions.questions')} testId="definition-questions" onAdd={add}>
      {draft.questions.length === 0 && <Text c="dimmed" size="sm">{t('definitions.noQuestions')}</Text>}
      {draft.questions.map((q, i) => (
        <SimpleGrid key={i} cols={{ base: 1, md: 4 }}>
          <BilingualField label={t('definitions.questionText')} value={q.text} onChange={(v) => set([...path, i, 'text'], v)} error={issueAt([...path, i, 'text', 'ja'])} />
          <ChoiceField label={t('definitions.answer')} value={q.answer} onChange={(v) => set([...path, i, 'answer'], v)} options={ANSWERS.map((a) => ({ value: a, label: t(`definitions.answers.${a}`) }))} />
          <TextField label={t('definitions.source')} value={q.source} onChange={(v) => set([...path, i, 'source'], v)} error={issueAt([...path, i, 'source'])} />
          <Group align="end"><RemoveButton onClick={() => replace(withoutItem(draft, path, draft.questions, i))} /></Group>
        </SimpleGrid>
      ))}
    </EditorCard>
  );
}

/** A condition on one question, editable; a compound one is described and kept as it is. */
function ConditionField({ draft, condition, at, set, issueAt }: Omit<SectionProps, 'replace'> & { condition: TCondition; at: Path }) {
  const { t } = useTranslation();
  if (!('fact' in condition) || condition.op !== 'eq' || typeof condition.value !== 'boolean')
    return <Text size="sm" c="dimmed">{t('definitions.compoundCondition')}</Text>;
  // The office picks a question by its wording; the engine's own facts are listed by their code's question only when asked here.
  const questions = draft.questions.map((q) => ({ value: q.fact, label: q.text.ja || q.fact }));
  const known = knownFacts(draft).has(condition.fact) && !questions.some((q) => q.value === condition.fact);
  return (
    <Group grow>
      {known ? (
        <Text size="sm">{t('definitions.engineFact')}</Text>
      ) : (
        <ChoiceField label={t('definitions.conditionQuestion')} value={condition.fact} onChange={(v) => set([...at, 'fact'], v)} options={questions} error={issueAt([...at, 'fact'])} />
      )}
      <ChoiceField
        label={t('definitions.conditionAnswer')}
        value={condition.value ? 'yes' : 'no'}
        onChange={(v) => set([...at, 'value'], v === 'yes')}
        options={[{ value: 'yes', label: t('definitions.yes') }, { value: 'no', label: t('definitions.no') }]}
      />
    </Group>
  );
}

function CriterionRow({ c, at, ...props }: Omit<SectionProps, 'replace'> & { c: TCriterion; at: Path }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 4 }}>
      <BilingualField label={t('definitions.criterionText')} value={c.text} onChange={(v) => props.set([...at, 'text'], v)} error={props.issueAt([...at, 'text', 'ja'])} />
      <ChoiceField label={t('definitions.level')} value={c.level} onChange={(v) => props.set([...at, 'level'], v)} options={LEVELS.map((l) => ({ value: l, label: t(`definitions.levels.${l}`) }))} />
      <ConditionField {...props} condition={c.requires} at={[...at, 'requires']} />
      <TextField label={t('definitions.source')} value={c.source} onChange={(v) => props.set([...at, 'source'], v)} error={props.issueAt([...at, 'source'])} />
    </SimpleGrid>
  );
}

/** Eligibility criteria: what must hold, how strictly, and where the rule comes from. */
export function CriteriaSection(props: SectionProps) {
  const { t } = useTranslation();
  const { draft } = props;
  return (
    <EditorCard title={t('definitions.eligibility')} testId="definition-eligibility">
      {[...draft.eligibility.map((c, i) => ({ c, at: ['eligibility', i] as Path })), ...draft.itemEligibility.map((c, i) => ({ c, at: ['itemEligibility', i] as Path }))].map(({ c, at }) => (
        <CriterionRow key={at.join('.')} {...props} c={c} at={at} />
      ))}
    </EditorCard>
  );
}

const FORMATS = ['designated_excel', 'designated_form', 'pdf', 'any'] as const;

/** Required documents: name, when, which file, page limit. */
export function DocumentsSection({ draft, set, replace, issueAt }: SectionProps) {
  const { t } = useTranslation();
  const path: Path = ['requiredDocuments'];
  const add = () =>
    replace(withItem(draft, path, draft.requiredDocuments, { code: `document_${draft.requiredDocuments.length + 1}`, name: { ja: '', en: '' }, phase: 'application', format: 'pdf', perParty: false, source: draft.sourceDocument }));
  return (
    <EditorCard title={t('definitions.documents')} testId="definition-documents" onAdd={add}>
      {draft.requiredDocuments.map((d, i) => (
        <SimpleGrid key={i} cols={{ base: 1, md: 5 }}>
          <BilingualField label={t('definitions.name')} value={d.name} onChange={(v) => set([...path, i, 'name'], v)} error={issueAt([...path, i, 'name', 'ja'])} />
          <ChoiceField label={t('definitions.format')} value={d.format} onChange={(v) => set([...path, i, 'format'], v)} options={FORMATS.map((f) => ({ value: f, label: t(`definitions.formats.${f}`) }))} />
          <NumberField
            label={t('definitions.maxPages')}
            value={d.pages?.max ?? Number.NaN}
            onChange={(v) => set([...path, i, 'pages'], Number.isNaN(v) ? undefined : { paper: d.pages?.paper ?? 'A4', max: v, approximate: d.pages?.approximate ?? false })}
            error={issueAt([...path, i, 'pages', 'max'])}
          />
          <TextField label={t('definitions.source')} value={d.source} onChange={(v) => set([...path, i, 'source'], v)} error={issueAt([...path, i, 'source'])} />
          <Group align="end"><RemoveButton onClick={() => replace(withoutItem(draft, path, draft.requiredDocuments, i))} /></Group>
        </SimpleGrid>
      ))}
    </EditorCard>
  );
}

/** Scoring rubric and bonus items, and the checklists' items: their wording and sources. */
export function RubricSection({ draft, set, issueAt }: SectionProps) {
  const { t } = useTranslation();
  return (
    <EditorCard title={t('definitions.rubric')} testId="definition-rubric">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <NumberField label={t('definitions.scaleMin')} value={draft.scoring.scale.min} onChange={(v) => set(['scoring', 'scale', 'min'], v)} error={issueAt(['scoring', 'scale', 'min'])} />
        <NumberField label={t('definitions.scaleMax')} value={draft.scoring.scale.max} onChange={(v) => set(['scoring', 'scale', 'max'], v)} error={issueAt(['scoring', 'scale', 'max'])} />
      </SimpleGrid>
      {/* What each score means on the members' sheets (the rubric card shows these words). */}
      {draft.scoring.levels.map((l, i) => (
        <BilingualField key={`l${i}`} label={t('definitions.scoringLevel', { score: l.score })} value={l.text} onChange={(v) => set(['scoring', 'levels', i, 'text'], v)} error={issueAt(['scoring', 'levels', i, 'text', 'ja'])} />
      ))}
      {draft.evaluationItems.map((e, i) => (
        <SimpleGrid key={`e${i}`} cols={{ base: 1, md: 3 }}>
          <BilingualField label={t('definitions.evaluationItem')} value={e.text} onChange={(v) => set(['evaluationItems', i, 'text'], v)} error={issueAt(['evaluationItems', i, 'text', 'ja'])} />
          <NumberField label={t('definitions.weight')} value={e.weight} onChange={(v) => set(['evaluationItems', i, 'weight'], v)} error={issueAt(['evaluationItems', i, 'weight'])} />
          <TextField label={t('definitions.source')} value={e.source} onChange={(v) => set(['evaluationItems', i, 'source'], v)} error={issueAt(['evaluationItems', i, 'source'])} />
        </SimpleGrid>
      ))}
      {draft.bonusItems.map((b, i) => (
        <SimpleGrid key={`b${i}`} cols={{ base: 1, md: 3 }}>
          <BilingualField label={t('definitions.bonusItem')} value={b.text} onChange={(v) => set(['bonusItems', i, 'text'], v)} error={issueAt(['bonusItems', i, 'text', 'ja'])} />
          <NumberField label={t('definitions.points')} value={b.points ?? Number.NaN} onChange={(v) => set(['bonusItems', i, 'points'], Number.isNaN(v) ? null : v)} error={issueAt(['bonusItems', i, 'points'])} />
          <TextField label={t('definitions.source')} value={b.source} onChange={(v) => set(['bonusItems', i, 'source'], v)} error={issueAt(['bonusItems', i, 'source'])} />
        </SimpleGrid>
      ))}
      {draft.checklists.flatMap((cl, i) =>
        cl.items.map((item, j) => (
          <BilingualField key={`c${i}-${j}`} label={`${cl.name.ja} ${item.label}`} value={item.text} onChange={(v) => set(['checklists', i, 'items', j, 'text'], v)} error={issueAt(['checklists', i, 'items', j, 'text', 'ja'])} />
        )),
      )}
    </EditorCard>
  );
}
