import { z } from 'zod';
import { scoreIssue, type TRubric } from './rubric';

const ZSheetComment = z.string().trim().max(2000, { message: 'scoring.comment_too_long' });
const ZOverallComment = z.string().trim().max(4000, { message: 'scoring.comment_too_long' });

/** A member's score sheet as the API saves it: a draft, or the final sheet with `submit`. */
export const ZSaveSheetInput = z.object({
  applicationId: z.uuid(),
  version: z.number().int().min(1).nullable(),
  scores: z
    .array(z.object({ item: z.string().max(64), score: z.number().int({ message: 'scoring.score_not_integer' }).nullable().optional(), comment: ZSheetComment.optional() }))
    .max(30),
  overallComment: ZOverallComment.optional(),
  submit: z.boolean().default(false),
});
export type TSaveSheetInput = z.input<typeof ZSaveSheetInput>;

/** A comment left blank is no comment. */
const orNone = (s: string) => (s === '' ? undefined : s);

/**
 * The member's sheet form: the same scores and comments, as typed (a cleared score is '', not yet
 * scored), each score checked against the rubric's scale as it is typed — a 9 on a 1–5 scale is
 * refused with the reason the API gives (scoreIssue), never brought into range.
 */
export function sheetFormSchema(rubric: TRubric) {
  return z
    .object({
      scores: z
        .array(
          z.object({
            item: z.string().max(64),
            score: z.union([z.literal(''), z.number()]).transform((v) => (v === '' ? null : v)),
            comment: ZSheetComment.transform(orNone),
          }),
        )
        .max(30),
      overallComment: ZOverallComment.transform(orNone),
    })
    .superRefine((sheet, ctx) => {
      sheet.scores.forEach((s, index) => {
        const issue = scoreIssue(rubric, s.item, s.score);
        if (issue) ctx.addIssue({ code: 'custom', path: ['scores', index, 'score'], message: issue.code, params: issue.params });
      });
    });
}
export type TSheetFormValues = z.input<ReturnType<typeof sheetFormSchema>>;
