import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { LCA_IMPLEMENTATION, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ConsoleRoutes } from '../routes';

const programme = {
  id: '6f1c1d2e-0000-4000-8000-000000000010',
  code: 'lca_support_r8',
  kind: 'lca_implementation',
  nameJa: '令和8年度 建築物LCA実施支援事業',
  nameEn: 'FY2026 LCA support',
  versions: [
    { id: '6f1c1d2e-0000-4000-8000-000000000012', version: 2, status: 'draft', changeSummary: null, createdAt: new Date(), publishedAt: null, definition: LCA_IMPLEMENTATION },
    { id: '6f1c1d2e-0000-4000-8000-000000000011', version: 1, status: 'published', changeSummary: 'テンプレートから作成', createdAt: new Date(), publishedAt: new Date('2026-04-01T00:00:00Z'), definition: LCA_IMPLEMENTATION },
  ],
};

function render(tryIt: unknown = { publishedVersion: 1, draft: null, published: null }) {
  const api = fakeApi({
    'auth.me': { data: sessionOf('programme_admin', '佐藤 誠') },
    'programmeDefinitions.get': { data: programme },
    'programmeDefinitions.tryIt': { data: tryIt },
    'programmeDefinitions.updateDraft': (input) => ({ data: { ...programme.versions[0], definition: (input as { definition: TProgrammeDefinition }).definition } }),
    'programmeDefinitions.publish': { data: { ...programme.versions[0], status: 'published' } },
  });
  renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: `/programme-definitions/${programme.id}` });
  return api;
}

const sentDefinition = (api: ReturnType<typeof fakeApi>) => (api.calls.findLast((c) => c.path === 'programmeDefinitions.updateDraft')?.input as { definition: TProgrammeDefinition } | undefined)?.definition;

describe('the definition editor', () => {
  it('checks the draft with the domain schema as it is typed: a negative cap is named and nothing can be saved or published', async () => {
    const api = render();
    await screen.findByRole('heading', { name: '第2版（下書き）の編集' });
    const caps = screen.getByTestId('definition-caps');
    const firstCap = within(caps).getAllByLabelText('金額（円）')[0]!;
    fireEvent.change(firstCap, { target: { value: '-1' } });
    expect(await screen.findByTestId('definition-issues')).toBeTruthy();
    expect(screen.getByRole('button', { name: '下書きを保存' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'この版を公開' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(firstCap, { target: { value: '6,000,000' } });
    await waitFor(() => expect(screen.queryByTestId('definition-issues')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '下書きを保存' }));
    await waitFor(() => expect(sentDefinition(api)?.caps[0]?.amount).toBe(6_000_000));
  });

  it('edits the scoring scale: a top score not above the lowest is refused by name, a valid one is saved with the draft', async () => {
    const api = render();
    await screen.findByRole('heading', { name: '第2版（下書き）の編集' });
    const rubric = screen.getByTestId('definition-rubric');
    const top = within(rubric).getByLabelText('最高点');
    expect((top as HTMLInputElement).value).toBe('5');
    fireEvent.change(top, { target: { value: '1' } });
    expect(await within(rubric).findByText(/採点の最高点は最低点より大きくしてください/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '下書きを保存' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(top, { target: { value: '10' } });
    await waitFor(() => expect(screen.queryByTestId('definition-issues')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '下書きを保存' }));
    await waitFor(() => expect(sentDefinition(api)?.scoring.scale).toEqual({ min: 1, max: 10 }));
  });

  it('rewords a scoring level: the new words are saved with the draft, an empty one is refused', async () => {
    const api = render();
    await screen.findByRole('heading', { name: '第2版（下書き）の編集' });
    const rubric = screen.getByTestId('definition-rubric');
    const top = within(rubric).getByLabelText('5点の意味（日本語）');
    expect((top as HTMLInputElement).value).toBe('特に優れている');
    fireEvent.change(top, { target: { value: '' } });
    expect(await screen.findByTestId('definition-issues')).toBeTruthy();
    expect(screen.getByRole('button', { name: '下書きを保存' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(top, { target: { value: '極めて優れている' } });
    await waitFor(() => expect(screen.queryByTestId('definition-issues')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '下書きを保存' }));
    await waitFor(() => expect(sentDefinition(api)?.scoring.levels[0]).toEqual({ score: 5, text: { ja: '極めて優れている', en: 'Outstanding' } }));
  });

  it('publishes another rate with a change summary after the confirmation, saving the draft as typed first', async () => {
    const api = render();
    await screen.findByRole('heading', { name: '第2版（下書き）の編集' });
    fireEvent.change(screen.getByLabelText('補助率（分母）'), { target: { value: '2' } });
    const publish = screen.getByRole('button', { name: 'この版を公開' });
    // A publication says what changed.
    expect(publish.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('変更内容の要約'), { target: { value: '補助率を1/2に変更' } });
    await waitFor(() => expect(publish.hasAttribute('disabled')).toBe(false));
    fireEvent.click(publish);
    expect(await screen.findByText('新しい版を公開しますか')).toBeTruthy();
    expect(api.calls.some((c) => c.path === 'programmeDefinitions.publish')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '公開する' }));
    await waitFor(() => expect(api.calls.find((c) => c.path === 'programmeDefinitions.publish')?.input).toEqual({ versionId: '6f1c1d2e-0000-4000-8000-000000000012', changeSummary: '補助率を1/2に変更' }));
    expect(sentDefinition(api)?.sections[0]?.rates[0]?.rate).toEqual({ numerator: 1, denominator: 2 });
  });

  it('prints the amounts of the try-it panel’s messages with separators, as its tables do', async () => {
    const refusal = { code: 'grant.breakdown_mismatch', path: ['lines', 0, 'amount'], params: { line: 'sample-1', amount: 39_600_000, unitPrice: 1_200_000, quantity: 30, expected: 36_000_000 } };
    render({ publishedVersion: 1, draft: { ok: false, stage: 'input', issues: [refusal] }, published: null });
    await screen.findByTestId('try-draft');
    await waitFor(() => expect(screen.getByTestId('try-draft').textContent).toContain('金額39,600,000円が、単価1,200,000円×数量30＝36,000,000円と一致しません'), { timeout: 10_000 });
  });

  it('names a refused field as the form does, and never by its path in the JSON', async () => {
    const named = { code: 'grant.option_unknown', path: ['facts', 'otherNationalSubsidy'], params: { field: '国の他の補助金', fieldEn: 'Other national subsidies', value: 'yes', options: 'なし、あり', optionsEn: 'None, Yes' } };
    const unnamed = { code: 'grant.field_invalid', path: ['facts', 'storeyCount'], params: { field: 'facts.storeyCount' } };
    render({ publishedVersion: 1, draft: { ok: false, stage: 'input', issues: [named, unnamed] }, published: null });
    await screen.findByTestId('try-draft');
    await waitFor(() => expect(screen.getByTestId('try-draft').textContent).toContain('「国の他の補助金」は次のいずれかを選んでください: なし、あり'), { timeout: 10_000 });
    expect(screen.getByTestId('try-draft').textContent).not.toMatch(/otherNationalSubsidy|storeyCount/);
  });
});
