import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CLT_DEMONSTRATION } from '@tsumiki/domain/programmes';
import { assessBonus } from '@tsumiki/domain/review';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { BonusPanel } from './application-bonus';

const applicationId = '10000000-0000-4000-8000-000000000001';
const view = {
  access: 'staff' as const,
  application: { id: applicationId, title: 'CLTパネル工法 5階建て事務所', status: 'under_review' as const, version: 2, trackingNumber: 'CLT-7', requestedGrantYen: 1_000, submittedAt: null, organisationId: 'o1' },
};
// 003 §3.3.2: a five-storey CLT panel building meets (5) 3階建て以上, (6) 4階建て以上 and (7) パネル工法で5階建て以上,
// and the points add up; (1) is ruled out by the facts, (3) is left open (not answered).
const facts = { storeys: 5, cltPanelMethod: true, usesExistingModel: false };
const bonus = assessBonus(CLT_DEMONSTRATION, facts);

const setup = () => {
  const api = fakeApi({ 'review.reviewBonus': { data: { ok: true } }, 'review.open': { data: null } });
  renderWithTsumiki(<BonusPanel view={view} bonus={bonus} />, { api, app: 'console', messages });
  return { api };
};
const points = (code: string) => screen.getByTestId(`bonus-points-${code}`).textContent;
const reviewOf = (code: string) => within(screen.getByTestId(`bonus-review-${code}`));

describe('the bonus review (加点, 003 §3.3.2)', () => {
  it('values each item the facts meet, adds the points up and labels them as points', () => {
    setup();
    // Nothing is checked yet: the items the office still has to look at say so, and so does the total.
    expect(screen.getByRole('heading', { name: '加点項目（暫定合計 +3点）' })).toBeTruthy();
    expect(screen.getByText('事務局が未確認の項目があるため、合計は暫定です。確認・否認により変わることがあります。')).toBeTruthy();
    expect(points('three_storeys')).toBe('加点 +1点（未確認）');
    expect(points('four_storeys')).toBe('加点 +1点（未確認）');
    expect(points('panel_five_storeys')).toBe('加点 +1点（未確認）');
    // Ruled out by the facts: nothing for the office to check.
    expect(points('existing_model')).toBe('加点なし（該当時 +1点）');
    expect(points('wood_use_agreement')).toBe('加点なし（該当時 +1点）（未確認）');
    // The rule is cited once, by its section, not by the first item's number.
    expect(screen.getByText('該当する項目ごとに加点し、複数の項目に該当する場合は累積します（令和7年度 CLT建築実証事業 募集要領 §3.3.2）。募集要領は点数を定めていないため、1項目1点としています。')).toBeTruthy();
    const rows = screen.getAllByRole('row').map((r) => r.textContent ?? '');
    expect(rows.find((r) => r.includes('提案建築物が4階建て以上'))).toContain('該当');
    expect(rows.find((r) => r.includes('既存の木造化モデル'))).toContain('非該当');
    expect(rows.find((r) => r.includes('建築物等木材利用促進協定'))).toContain('不明');
    // The screen names items and states in words, never by their codes or message keys.
    expect(screen.getByTestId('bonus').textContent).not.toMatch(/[a-z]+_[a-z_]+|app\.|pending|provisional/);
  });

  it('drops 未確認 and 暫定 once the office has checked every item that could count; the total stays the confirmed one', () => {
    const reviewed = (item: string, decision: 'confirmed' | 'rejected', reason?: string) => ({ item, decision, reviewerId: 'u1', reviewedAt: new Date('2026-12-01T00:00:00Z'), ...(reason ? { reason } : {}) });
    const checked = assessBonus(CLT_DEMONSTRATION, facts, [reviewed('three_storeys', 'confirmed'), reviewed('four_storeys', 'confirmed'), reviewed('panel_five_storeys', 'rejected', '在来軸組との併用')]);
    const { unmount } = renderWithTsumiki(<BonusPanel view={view} bonus={checked} />, { api: fakeApi({}), app: 'console', messages });
    // (2), (3), (4) and (8) are still open: confirming one could add a point, so the total of +2 is still provisional.
    expect(screen.getByRole('heading', { name: '加点項目（暫定合計 +2点）' })).toBeTruthy();
    expect(points('three_storeys')).toBe('加点 +1点（確認）');
    expect(points('panel_five_storeys')).toBe('加点なし（該当時 +1点）（否認：在来軸組との併用）');
    expect(points('wood_use_agreement')).toContain('（未確認）');
    unmount();
    const unknown = bonus.lines.filter((l) => l.fromFacts === 'unknown').map((l) => reviewed(l.code, 'rejected', '該当を確認できない'));
    const all = assessBonus(CLT_DEMONSTRATION, facts, [...['three_storeys', 'four_storeys'].map((i) => reviewed(i, 'confirmed')), reviewed('panel_five_storeys', 'rejected', '在来軸組との併用'), ...unknown]);
    renderWithTsumiki(<BonusPanel view={view} bonus={all} />, { api: fakeApi({}), app: 'console', messages });
    expect(screen.getByRole('heading', { name: '加点項目（合計 +2点）' })).toBeTruthy();
    expect(screen.queryByText(/未確認|暫定/)).toBeNull();
  });

  it('says so in English too, with no internal names', async () => {
    renderWithTsumiki(<BonusPanel view={view} bonus={bonus} />, { api: fakeApi({}), app: 'console', messages, locale: 'en' });
    expect(await screen.findByRole('heading', { name: 'Bonus items (provisional total +3 pt)' })).toBeTruthy();
    expect(points('four_storeys')).toBe('Bonus +1 pt (not yet checked)');
    expect(screen.getByTestId('bonus').textContent).not.toMatch(/four_storeys|panel_five_storeys|bonusUnchecked|app\./);
  });

  it('adds an item’s own points where the definition weighs it, and then does not claim one point per item', () => {
    const weighted = assessBonus(CLT_DEMONSTRATION, facts, [], { three_storeys: 2, four_storeys: 2, panel_five_storeys: 3 });
    renderWithTsumiki(<BonusPanel view={view} bonus={weighted} />, { api: fakeApi({}), app: 'console', messages });
    expect(screen.getByRole('heading', { name: '加点項目（暫定合計 +7点）' })).toBeTruthy();
    expect(points('panel_five_storeys')).toBe('加点 +3点（未確認）');
    expect(screen.getByText('該当する項目ごとにその項目の点数を加点し、複数の項目に該当する場合は累積します（令和7年度 CLT建築実証事業 募集要領 §3.3.2）。')).toBeTruthy();
    expect(screen.queryByText(/1項目1点/)).toBeNull();
  });

  it('refuses a rejection without its reason, and confirming an item the facts rule out, with the reason why; sends neither', async () => {
    const { api } = setup();
    fireEvent.click(reviewOf('four_storeys').getByRole('button', { name: '否認' }));
    expect(await screen.findByText('加点項目「提案建築物が4階建て以上」の判断には理由の入力が必要です。')).toBeTruthy();
    fireEvent.click(reviewOf('existing_model').getByRole('button', { name: '確認' }));
    expect(await screen.findByText(/申請内容では加点項目「既存の木造化モデルを活用した取組」に該当しないため、確認できません。/)).toBeTruthy();
    expect(api.calls.some((c) => c.path === 'review.reviewBonus')).toBe(false);
    // Given a reason, the rejection goes as the API takes it.
    fireEvent.change(reviewOf('four_storeys').getByRole('textbox'), { target: { value: '図面では3階建て' } });
    fireEvent.click(reviewOf('four_storeys').getByRole('button', { name: '否認' }));
    await waitFor(() =>
      expect(api.calls.find((c) => c.path === 'review.reviewBonus')?.input).toEqual({ applicationId, item: 'four_storeys', decision: 'rejected', reason: '図面では3階建て' }),
    );
  });
});
