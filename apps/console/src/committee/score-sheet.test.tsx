import { fireEvent, screen, waitFor } from '@testing-library/react';
import { CLT_DEMONSTRATION } from '@tsumiki/domain/programmes';
import { assessBonus, type BonusAssessment } from '@tsumiki/domain/review';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ScoreSheet } from './score-sheet';

const applicationId = '10000000-0000-4000-8000-000000000001';
const rubric = {
  scale: { min: 1, max: 5 },
  items: [
    { code: 'novelty', weight: 1, text: { ja: '新規性', en: 'Novelty' }, source: '003 §3.3' },
    { code: 'feasibility', weight: 1, text: { ja: '実現性', en: 'Feasibility' }, source: '003 §3.3' },
  ],
  levels: [{ score: 5, text: { ja: '特に優れている', en: 'Outstanding' } }],
  assumption: false,
};

const setup = (bonus: BonusAssessment | null = null) => {
  const api = fakeApi({ 'review.sheet': { data: { rubric, maximum: 10, sheet: null } }, 'review.saveSheet': { data: { version: 1 } } });
  renderWithTsumiki(<ScoreSheet applicationId={applicationId} bonus={bonus} />, { api, app: 'console', messages });
  return { api };
};

describe('the score sheet', () => {
  it('refuses a score outside the scale as typed, with the reason beside it, keeps the 9 and saves nothing', async () => {
    const { api } = setup();
    const novelty = await screen.findByRole<HTMLInputElement>('textbox', { name: /新規性（1〜5点の整数）/ });
    fireEvent.change(novelty, { target: { value: '9' } });
    fireEvent.blur(novelty);
    expect(await screen.findByText('評価項目「新規性」の点数は1〜5の整数で入力してください。')).toBeTruthy();
    expect(novelty.value).toBe('9');
    expect(novelty.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('sheet-draft').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('sheet-submit').hasAttribute('disabled')).toBe(true);
    // Mended as typed: the reason goes and the draft can be saved, with the scores as typed.
    fireEvent.change(novelty, { target: { value: '4' } });
    expect(screen.queryByText(/の点数は1〜5の整数で/)).toBeNull();
    expect(screen.getByTestId('sheet-unsaved')).toBeTruthy();
    fireEvent.click(screen.getByTestId('sheet-draft'));
    await waitFor(() => expect(api.calls.find((c) => c.path === 'review.saveSheet')?.input).toEqual({
      applicationId,
      version: null,
      submit: false,
      scores: [{ item: 'novelty', score: 4 }, { item: 'feasibility', score: null }],
    }));
    await waitFor(() => expect(screen.queryByTestId('sheet-unsaved')).toBeNull());
  });

  it('adds the bonus to the total and says it is provisional until the office has checked every item (003 §3.3.2)', async () => {
    // A five-storey CLT panel building meets three items, none checked yet by the office.
    const facts = { storeys: 5, cltPanelMethod: true, usesExistingModel: false };
    const unchecked = assessBonus(CLT_DEMONSTRATION, facts);
    setup(unchecked);
    expect((await screen.findByTestId('sheet-bonus')).textContent).toBe('加点 +3点（加点項目3件・累積。事務局が未確認の項目があるため暫定）');
  });

  it('drops the provisional mark once the office has checked every item', async () => {
    const facts = { storeys: 5, cltPanelMethod: true, usesExistingModel: false };
    const pending = assessBonus(CLT_DEMONSTRATION, facts).lines.filter((l) => l.pending);
    const checked = assessBonus(
      CLT_DEMONSTRATION,
      facts,
      // What the facts meet is confirmed; what they leave open is rejected, with the reason that needs.
      pending.map((l) => ({
        item: l.code,
        ...(l.fromFacts === 'met' ? { decision: 'confirmed' as const } : { decision: 'rejected' as const, reason: '協定の締結予定なし' }),
        reviewerId: '20000000-0000-4000-8000-000000000002',
        reviewedAt: new Date('2026-12-01T00:00:00Z'),
      })),
    );
    expect(checked.provisional).toBe(false);
    setup(checked);
    expect((await screen.findByTestId('sheet-bonus')).textContent).toBe('加点 +3点（加点項目3件・累積）');
  });
});
