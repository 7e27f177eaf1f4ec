import { z } from 'zod';
import type { TProgrammeDefinition } from '../programmes/shared/definition';
import { accept, bilingual, refuse, ZId, type Outcome, type Refusal } from './result';

const ZItemCode = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, { message: 'scoring.item_code_invalid' });
const ZText = z.strictObject({ ja: z.string().min(1).max(200), en: z.string().min(1).max(200) });

export const ZRubric = z
  .strictObject({
    /** Whole-number scores from min to max. */
    scale: z.strictObject({ min: z.number().int().min(0).max(100), max: z.number().int().min(1).max(100) }),
    /** Integer weights keep sums exact, so ranking compares totals without rounding. */
    items: z
      .array(
        z.strictObject({
          code: ZItemCode,
          weight: z.number().int().min(1).max(100),
          text: ZText,
          source: z.string().max(100),
        }),
      )
      .min(1)
      .max(30),
    /** What each score means, shown beside the inputs. */
    levels: z.array(z.strictObject({ score: z.number().int(), text: ZText })).max(101),
    /** True when the scale or weights are not in the call document. */
    assumption: z.boolean(),
  })
  .refine((r) => r.scale.min < r.scale.max, { message: 'scoring.rubric_invalid' })
  .refine((r) => new Set(r.items.map((i) => i.code)).size === r.items.length, {
    message: 'scoring.rubric_invalid',
  });
export type TRubric = z.infer<typeof ZRubric>;

/**
 * The rubric of a programme definition: its evaluation items with their weights, scored on the
 * definition's scale (DEFAULT_SCORING unless the office set its own). A call that lists no items
 * (the LCA implementation support) is scored overall, as one item, so a version that adds items
 * changes the sheet and its maximum for the applications pinned to it.
 */
export function rubricFor(def: Pick<TProgrammeDefinition, 'evaluationItems' | 'scoring' | 'sourceDocument'>): TRubric {
  const items = def.evaluationItems.length
    ? def.evaluationItems.map((i) => ({ code: i.code, weight: i.weight, text: i.text, source: i.source.slice(0, 100) }))
    : [{ code: 'overall', weight: 1, text: { ja: '総合評価', en: 'Overall evaluation' }, source: def.sourceDocument.slice(0, 100) }];
  const { scale, levels, assumption } = def.scoring;
  return { scale: { ...scale }, items, levels: levels.map((l) => ({ score: l.score, text: { ...l.text } })), assumption };
}

export const SCORE_SHEET_STATUSES = ['draft', 'submitted'] as const;
/** A submitted sheet is final: it counts, and its member can no longer edit it. */
export const isSheetSubmitted = (sheet: { readonly status: (typeof SCORE_SHEET_STATUSES)[number] }) =>
  sheet.status === 'submitted';

/** One member's scores for one proposal. Draft until submitted; only submitted sheets count. */
export const ZScoreSheet = z.strictObject({
  proposalId: ZId,
  memberId: ZId,
  scores: z
    .array(
      z.strictObject({
        item: ZItemCode,
        score: z.number().int({ message: 'scoring.score_not_integer' }).nullable().optional(),
        comment: z.string().trim().max(2000, { message: 'scoring.comment_too_long' }).optional(),
      }),
    )
    .max(30),
  overallComment: z.string().trim().max(4000, { message: 'scoring.comment_too_long' }).optional(),
  status: z.enum(SCORE_SHEET_STATUSES),
  submittedAt: z.date().optional(),
});
export type TScoreSheet = z.infer<typeof ZScoreSheet>;

const itemText = (rubric: TRubric, code: string) => {
  const item = rubric.items.find((i) => i.code === code);
  return bilingual('item', item?.text.ja ?? code, item?.text.en ?? code);
};

/**
 * Why one typed score cannot stand (not a whole number, or outside the scale), or null. The form
 * shows it beside the item as it is typed, and the API refuses the same score with it: a score
 * outside the scale is never brought into range.
 */
export function scoreIssue(rubric: TRubric, item: string, score: number | null | undefined): Refusal | null {
  if (score == null) return null;
  if (Number.isInteger(score) && score >= rubric.scale.min && score <= rubric.scale.max) return null;
  return refuse('scoring.score_out_of_range', {
    ...itemText(rubric, item),
    min: rubric.scale.min,
    max: rubric.scale.max,
  });
}

/** Every problem with a sheet, for the form; a draft may leave items unscored, a submission may not. */
export function sheetIssues(sheet: TScoreSheet, rubric: TRubric, mode: 'draft' | 'submit'): Refusal[] {
  const issues: Refusal[] = [];
  const seen = new Set<string>();
  for (const s of sheet.scores) {
    if (!rubric.items.some((i) => i.code === s.item))
      issues.push(refuse('scoring.item_unknown', { item: s.item, itemEn: s.item }));
    else if (seen.has(s.item)) issues.push(refuse('scoring.item_duplicate', itemText(rubric, s.item)));
    seen.add(s.item);
    const outOfScale = scoreIssue(rubric, s.item, s.score);
    if (outOfScale) issues.push(outOfScale);
  }
  if (mode === 'submit') {
    for (const item of rubric.items) {
      const s = sheet.scores.find((x) => x.item === item.code);
      if (s?.score == null) issues.push(refuse('scoring.item_unscored', itemText(rubric, item.code)));
    }
  }
  return issues;
}

/** Saves a draft over the previous version; a submitted sheet is locked. */
export function saveDraft(
  previous: TScoreSheet | undefined,
  next: TScoreSheet,
  rubric: TRubric,
): Outcome<TScoreSheet> {
  if (previous?.status === 'submitted') return refuse('scoring.already_submitted');
  const [first] = sheetIssues(next, rubric, 'draft');
  if (first) return first;
  const { submittedAt: _dropped, ...rest } = next;
  return accept({ ...rest, status: 'draft' });
}

/** Submits a complete sheet; from then on it counts, and it can no longer be edited. */
export function submitSheet(sheet: TScoreSheet, rubric: TRubric, now: Date): Outcome<TScoreSheet> {
  if (sheet.status === 'submitted') return refuse('scoring.already_submitted');
  const [first] = sheetIssues(sheet, rubric, 'submit');
  if (first) return first;
  return accept({ ...sheet, status: 'submitted', submittedAt: now });
}

/**
 * Σ weight × score over the rubric's items, or null while an item is unscored: an unscored item is
 * not a 0, and a total that treats it as one would rank a half-filled sheet.
 */
export function sheetTotal(
  sheet: { readonly scores: readonly { readonly item: string; readonly score?: number | null }[] },
  rubric: { readonly items: readonly { readonly code: string; readonly weight: number }[] },
): number | null {
  let total = 0;
  for (const item of rubric.items) {
    const score = sheet.scores.find((s) => s.item === item.code)?.score;
    if (score == null) return null;
    total += item.weight * score;
  }
  return total;
}

/** The highest total a sheet can reach, for "x / 30" displays. */
export const rubricMaximum = (rubric: TRubric) =>
  rubric.items.reduce((s, i) => s + i.weight * rubric.scale.max, 0);

export interface SheetStanding {
  /** Σ weight × score, or null while an item is unscored. */
  readonly evaluation: number | null;
  /** The proposal's bonus points (加点, 003 §3.3.2), added once whatever the weights. */
  readonly bonus: number;
  /** evaluation + bonus: what this sheet adds to the proposal's ranking total; null while unscored. */
  readonly total: number | null;
  /** The highest evaluation the rubric allows (the bonus comes on top). */
  readonly maximum: number;
}

/**
 * A member's sheet as it counts in the ranking: the rubric's evaluation plus the proposal's
 * cumulative bonus points, the same sum the ranking makes with the members' average.
 */
export function sheetStanding(
  sheet: { readonly scores: readonly { readonly item: string; readonly score?: number | null }[] },
  rubric: TRubric,
  bonusPoints: number,
): SheetStanding {
  const evaluation = sheetTotal(sheet, rubric);
  return {
    evaluation,
    bonus: bonusPoints,
    total: evaluation === null ? null : evaluation + bonusPoints,
    maximum: rubricMaximum(rubric),
  };
}
