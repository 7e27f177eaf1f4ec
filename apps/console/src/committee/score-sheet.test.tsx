import { fireEvent, screen, waitFor } from '@testing-library/react';
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

const setup = () => {
  const api = fakeApi({ 'review.sheet': { data: { rubric, maximum: 10, sheet: null } }, 'review.saveSheet': { data: { version: 1 } } });
  renderWithTsumiki(<ScoreSheet applicationId={applicationId} bonus={null} />, { api, app: 'console', messages });
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
});
