import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors';
import { bonusReviewFormSchema, lineReviewsFormSchema, transitionFormSchema, ZReviewBonusInput } from './review-inputs';
import { transitionSpec } from './workflow';

describe('a workflow step’s form', () => {
  const returning = transitionFormSchema(transitionSpec('return_for_correction')!);
  it('asks for the reason and the deadline the step’s row requires, naming the step', () => {
    const result = returning.safeParse({ reason: ' ', due: '', amount: '' });
    expect(result.error?.issues).toMatchObject([
      { path: ['reason'], message: 'workflow.reason_required', params: { event: '差戻し' } },
      { path: ['due'], message: 'workflow.due_required' },
    ]);
    expect(returning.safeParse({ reason: '添付漏れ', due: '2026-02-30T17:00', amount: '' }).error?.issues).toMatchObject([{ path: ['due'], message: 'time.invalid_jst_datetime' }]);
  });
  it('reads the deadline as Japan time and leaves out what the step does not take', () => {
    expect(returning.parse({ reason: '添付漏れ', due: '2026-12-10T17:00', amount: 5 })).toEqual({ reason: '添付漏れ', dueAt: new Date('2026-12-10T08:00:00Z') });
  });
  it('asks for a positive whole amount where the step decides one; the fixed amount is computed, never typed', () => {
    const deciding = transitionFormSchema(transitionSpec('decide_grant')!);
    expect(deciding.safeParse({ reason: '', due: '', amount: '' }).error?.issues).toMatchObject([{ path: ['amount'], message: 'workflow.amount_required' }]);
    expect(deciding.safeParse({ reason: '', due: '', amount: 0 }).success).toBe(false);
    expect(deciding.parse({ reason: '', due: '', amount: 1_000 })).toEqual({ amount: 1_000 });
    expect(transitionFormSchema(transitionSpec('fix_amount')!).parse({ reason: '', due: '', amount: '' })).toEqual({ amount: 0 });
  });
  it('names a granted amount over the computed maximum, stating the maximum in yen, as the ledger refuses it', () => {
    for (const event of ['decide_grant', 'approve'] as const) {
      const deciding = transitionFormSchema(transitionSpec(event)!, 11_810_000);
      const issues = deciding.safeParse({ reason: '', due: '', amount: 11_810_001 }).error?.issues;
      expect(issues).toMatchObject([{ path: ['amount'], message: 'ledger.over_maximum', params: { amount: '11,810,001円', maximum: '11,810,000円', maximumEn: '¥11,810,000' } }]);
      const issue = issues?.[0];
      expect(issue?.code === 'custom' && errorMessage(issue.message, 'ja', issue.params)).toBe('交付額 11,810,001円 が、算定された上限額 11,810,000円 を超えています。上限額以下の金額にしてください。');
      expect(deciding.parse({ reason: '', due: '', amount: 11_810_000 })).toEqual({ amount: 11_810_000 });
    }
  });
  it('holds only a grant decision to the maximum: a repayment request is not a grant', () => {
    const reclaim = transitionFormSchema(transitionSpec('request_reclaim')!, 1_000);
    expect(reclaim.parse({ reason: '過払い', due: '2026-12-10T17:00', amount: 5_000 })).toMatchObject({ amount: 5_000 });
  });
});

describe('a bonus item’s review form', () => {
  const item = { text: { ja: '地域材の活用', en: 'Local timber' }, fromFacts: 'met' as const };
  it('needs a reason to reject, or to confirm what the facts leave open', () => {
    expect(bonusReviewFormSchema(item).safeParse({ decision: 'rejected', reason: '' }).error?.issues).toMatchObject([{ path: ['reason'], message: 'scoring.bonus_reason_required', params: { item: '地域材の活用' } }]);
    expect(bonusReviewFormSchema(item).parse({ decision: 'confirmed', reason: '' })).toEqual({ decision: 'confirmed' });
    expect(bonusReviewFormSchema({ ...item, fromFacts: 'unknown' }).safeParse({ decision: 'confirmed', reason: '' }).success).toBe(false);
  });
  it('does not confirm an item the facts rule out, naming it on the decision as the API refuses it', () => {
    expect(bonusReviewFormSchema({ ...item, fromFacts: 'not_met' }).safeParse({ decision: 'confirmed', reason: '現地で確認' }).error?.issues).toMatchObject([
      { path: ['decision'], message: 'scoring.bonus_not_met', params: { item: '地域材の活用' } },
    ]);
    expect(bonusReviewFormSchema({ ...item, fromFacts: 'not_met' }).parse({ decision: 'rejected', reason: '該当しない' })).toEqual({ decision: 'rejected', reason: '該当しない' });
  });
  it('takes a reason as long as the message allows (2,000 characters), in the form and in the API input', () => {
    const long = 'あ'.repeat(2000);
    expect(bonusReviewFormSchema(item).safeParse({ decision: 'rejected', reason: long }).success).toBe(true);
    expect(ZReviewBonusInput.safeParse({ applicationId: '10000000-0000-4000-8000-000000000001', item: 'existing_model', decision: 'rejected', reason: long }).success).toBe(true);
    expect(bonusReviewFormSchema(item).safeParse({ decision: 'rejected', reason: `${long}あ` }).error?.issues).toMatchObject([{ path: ['reason'], message: 'scoring.reason_too_long' }]);
  });
});

describe('the results report’s line-review form', () => {
  const schema = lineReviewsFormSchema([{ id: 'b5', description: 'CLT工事', amount: 17_600_000 }, { id: 'b6', amount: 900_000 }]);
  it('names the line whose cut lacks a reason, or whose reduced amount is not below the reported one', () => {
    const result = schema.safeParse({ rows: [{ lineId: 'b5', decision: 'reduced', accepted: 17_600_000, reason: '' }, { lineId: 'b6', decision: 'rejected', accepted: '', reason: '' }] });
    expect(result.error?.issues).toMatchObject([
      { path: ['rows', 0, 'accepted'], message: 'review.reduction_invalid', params: { line: 'CLT工事' } },
      { path: ['rows', 0, 'reason'], message: 'review.reason_required', params: { line: 'CLT工事' } },
      { path: ['rows', 1, 'reason'], message: 'review.reason_required', params: { line: 'b6' } },
    ]);
  });
  it('reads the reviews as the API takes them', () => {
    expect(schema.parse({ rows: [{ lineId: 'b5', decision: 'reduced', accepted: 15_400_000, reason: ' 写真なし ' }, { lineId: 'b6', decision: 'accepted', accepted: 900_000, reason: '' }] })).toEqual([
      { lineId: 'b5', decision: 'reduced', acceptedAmount: 15_400_000, reason: '写真なし' },
      { lineId: 'b6', decision: 'accepted' },
    ]);
  });
});
