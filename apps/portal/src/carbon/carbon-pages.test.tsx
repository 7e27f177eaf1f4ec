import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { newProjectContent, STARTER_LIBRARY } from '@tsumiki/domain/carbon';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { PortalRoutes } from '../routes';
import { LinkedCarbonAssessments } from './linked-assessments';

const library = STARTER_LIBRARY.map((f) => ({ ...f, origin: 'starter' as const }));
const content = {
  ...newProjectContent('高知CLT庁舎', '2026-04-01'),
  building: { use: 'office', structure: 'CLT', grossFloorAreaM2: 1200, works: 'new' as const },
};
const project = { id: 'p1', organisationId: 'o1', applicationId: null, version: 3, updatedAt: new Date('2026-04-01T01:00:00Z'), content };

function renderProject(extra: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'auth.me': { data: sessionOf('applicant') },
    'carbon.get': { data: project },
    'carbon.factors': { data: library }, 'carbon.materialNames': { data: [] }, 'carbon.prepareIfc': { data: { started: true } },
    ...extra,
  });
  renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api, route: '/carbon/p1', messages });
  return api;
}

describe('carbon calculator', () => {
  it('takes a BoQ pasted from Excel, shows the result with its chart, and saves over the loaded version', async () => {
    const api = renderProject({ 'carbon.save': { data: { version: 4 } } });
    const paste = await screen.findByTestId('boq-paste');
    const textarea = within(paste).queryByRole('textbox') ?? paste;
    fireEvent.change(textarea, { target: { value: '工事科目\t工事細目\t資材\t数量\t単位\n3\t3.5\twood.clt\t100\tm3\n3\t3.5\twood.glulam_small\t20\tm3' } });
    // The paste waits for the organisation's remembered names.
    await waitFor(() => expect(screen.getByTestId('boq-paste-add').hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByTestId('boq-paste-add'));
    expect(await screen.findByText('2行を追加しました。')).toBeTruthy();
    const grid = screen.getByTestId('boq-grid');
    expect(within(grid).getAllByRole('row')).toHaveLength(3);

    // 100 × 252 + 20 × 108 = 27,360 kg A1–A3 (the wood table of seeds/002).
    const table = await screen.findByTestId('carbon-module-table');
    await waitFor(() => expect(within(table).getAllByRole('row')[1]?.textContent).toContain('27,360 kg-CO₂e'));
    expect(screen.getByTestId('modules-chart').querySelectorAll('rect').length).toBeGreaterThan(1);
    expect(screen.getByTestId('categories-chart')).toBeTruthy();
    expect(screen.getByTestId('carbon-warnings').textContent).toContain('第三者レビューのないCFP');

    fireEvent.click(screen.getByTestId('carbon-save'));
    await waitFor(() => expect(document.body.textContent).toContain('保存しました（版 4）'), { timeout: 5000 });
    const save = api.calls.find((c) => c.path === 'carbon.save')!.input as { version: number; content: { boq: { materialKey: string; quantity: number }[] } };
    expect(save.version).toBe(3);
    expect(save.content.boq.map((l) => [l.materialKey, l.quantity])).toEqual([
      ['wood.clt', 100],
      ['wood.glulam_small', 20],
    ]);
  }, 30_000);

  it('refuses a paste with a bad row, naming the row, and adds nothing', async () => {
    renderProject();
    const paste = await screen.findByTestId('boq-paste');
    const textarea = within(paste).queryByRole('textbox') ?? paste;
    fireEvent.change(textarea, { target: { value: '3\t3.5\twood.clt\t-5\tm3\n3\t3.5\twood.clt\t2\tm3' } });
    // The paste waits for the organisation's remembered names.
    await waitFor(() => expect(screen.getByTestId('boq-paste-add').hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByTestId('boq-paste-add'));
    const alert = await screen.findByTestId('boq-row-errors');
    expect(alert.textContent).toContain('明細「L1」（1行目）の数量がマイナスです。');
    expect(within(screen.getByTestId('boq-grid')).getAllByRole('row')).toHaveLength(1);
  }, 30_000);

  it('names what stops an assessment (a gap material) by line, and keeps the typed content on a version conflict', async () => {
    renderProject({ 'carbon.save': { error: { appCode: 'carbon.project_version_conflict', httpStatus: 409 } } });
    const paste = await screen.findByTestId('boq-paste');
    fireEvent.change(within(paste).queryByRole('textbox') ?? paste, { target: { value: '3\t3.3\tsteel.section\t30\tt' } });
    // The paste waits for the organisation's remembered names.
    await waitFor(() => expect(screen.getByTestId('boq-paste-add').hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByTestId('boq-paste-add'));
    const issues = await screen.findByTestId('carbon-issues');
    expect(issues.textContent).toContain('明細「L1」（1行目）の資材「鉄骨（形鋼・鋼板）」には、まだ使える原単位がありません。');
    fireEvent.click(screen.getByTestId('carbon-save'));
    expect(await screen.findByText(/他の人（または別の画面）で先に保存されました/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '最新の内容を読み込む' })).toBeTruthy();
    expect(within(screen.getByTestId('boq-grid')).getAllByRole('row')).toHaveLength(3); // header, line, its issue
  }, 30_000);
});

describe('scenarios, operation and the PDF report', () => {
  const withLines = { ...project, content: { ...content, boq: [{ id: 'L1', category: '3', subItem: '3.5', materialKey: 'wood.clt', quantity: 100, unit: 'm3' }] } };

  it('shows each default’s source or says it has none, compares a second scenario with a chart, and saves the operational inputs', async () => {
    const api = fakeApi({ 'auth.me': { data: sessionOf('applicant') }, 'carbon.get': { data: withLines }, 'carbon.factors': { data: library }, 'carbon.materialNames': { data: [] }, 'carbon.prepareIfc': { data: { started: true } }, 'carbon.save': { data: { version: 4 } } });
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api, route: '/carbon/p1', messages });
    const editor = await screen.findByTestId('scenario-editor-0', {}, { timeout: 5000 });
    expect(editor.querySelectorAll('[data-source="assumption"]').length).toBeGreaterThan(3);
    expect(editor.textContent).toContain('出典なし（仮定）');
    expect(editor.textContent).toContain('既定値の出典: 第四次答申 参考資料「J-CATの入力項目」');
    expect(editor.textContent).not.toMatch(/seeds\/|[a-z][A-Z]/);
    // The default is the input's placeholder, never silently typed in.
    expect(within(editor).getByLabelText('施工（A5）の割合（%、空欄で既定値）（シナリオ1）').getAttribute('placeholder')).toBe('6');

    fireEvent.click(screen.getByRole('button', { name: 'シナリオを追加' }));
    const second = await screen.findByTestId('scenario-editor-1');
    fireEvent.change(within(second).getByLabelText('施工（A5）の割合（%、空欄で既定値）（シナリオ2）'), { target: { value: '3' } });
    const comparison = await screen.findByTestId('carbon-comparison', {}, { timeout: 5000 });
    await waitFor(() => expect(comparison.textContent).toContain('-50%'), { timeout: 5000 });
    expect(within(comparison).getByTestId('comparison-chart').querySelectorAll('rect').length).toBeGreaterThan(0);
    // The same comparison for the whole building: A5 of 100 m³ CLT × 252 at 6% against 3%.
    fireEvent.click(within(comparison).getByText('建物全体'));
    await waitFor(() => expect(comparison.textContent).toContain('-756 kg-CO₂e'), { timeout: 5000 });

    const operation = screen.getByTestId('operational');
    fireEvent.click(within(operation).getByRole('button', { name: '冷媒を追加' }));
    fireEvent.change(await within(operation).findByLabelText('充填量（kg） 1'), { target: { value: '10' } });
    fireEvent.change(within(operation).getByLabelText('年間漏えい率（%） 1'), { target: { value: '2' } });
    // Japanese brackets in the label and the gas names, each gas with its GWP in the chosen report.
    const gas = within(operation).getByLabelText<HTMLSelectElement>('ガス（冷媒 1）');
    expect([...gas.options].find((o) => o.value === 'R22')?.textContent).toMatch(/^R22（HCFC-22）（GWP AR\d [\d,]+）$/);
    fireEvent.click(screen.getByTestId('carbon-save'));
    await waitFor(() => expect(api.calls.some((c) => c.path === 'carbon.save')).toBe(true), { timeout: 5000 });
    const saved = api.calls.find((c) => c.path === 'carbon.save')!.input as { content: { settings: { refrigerants: unknown[] }; scenarios: { scenario: unknown }[] } };
    expect(saved.content.settings.refrigerants).toEqual([{ id: expect.any(String), gas: 'R32', chargeKg: 10, annualLeakRate: 0.02 }]);
    expect(saved.content.scenarios[1]!.scenario).toEqual({ a5Rate: 0.03 });
  }, 30_000);

  it('asks the API for the PDF report of the scenario shown', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('applicant') },
      'carbon.get': { data: withLines },
      'carbon.factors': { data: library }, 'carbon.materialNames': { data: [] }, 'carbon.prepareIfc': { data: { started: true } },
      'carbon.exportResult': { data: { filename: 'LCCO2.pdf', mimeType: 'application/pdf', base64: 'JVBERi0=' } },
    });
    URL.createObjectURL = () => 'blob:report';
    URL.revokeObjectURL = () => undefined;
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api, route: '/carbon/p1', messages });
    fireEvent.click(await screen.findByTestId('carbon-export-pdf', {}, { timeout: 5000 }));
    await waitFor(() => expect(api.calls.find((c) => c.path === 'carbon.exportResult')?.input).toMatchObject({ scenarioId: 'base', format: 'pdf' }), { timeout: 5000 });
  });
});

describe('linking an assessment to an application', () => {
  it('links the project to one of the organisation’s applications when saved', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('applicant') },
      'carbon.get': { data: project },
      'carbon.factors': { data: library }, 'carbon.materialNames': { data: [] }, 'carbon.prepareIfc': { data: { started: true } },
      'applications.listMine': { data: [{ id: '11111111-1111-4111-8111-111111111111', title: 'CLT庁舎の実証', trackingNumber: 'CLT-2026-0001', status: 'draft' }] },
      'carbon.save': { data: { version: 4 } },
    });
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api, route: '/carbon/p1', messages });
    const link = await screen.findByTestId('carbon-application-link', {}, { timeout: 5000 });
    await waitFor(() => expect(within(link).getByRole('option', { name: 'CLT-2026-0001 CLT庁舎の実証' })).toBeTruthy(), { timeout: 5000 });
    fireEvent.change(within(link).getByLabelText(/紐づける申請/), { target: { value: '11111111-1111-4111-8111-111111111111' } });
    expect(within(link).getByRole('link', { name: '申請を開く' }).getAttribute('href')).toBe('/applications/11111111-1111-4111-8111-111111111111');
    fireEvent.click(screen.getByTestId('carbon-save'));
    await waitFor(() => expect(api.calls.find((c) => c.path === 'carbon.save')?.input).toMatchObject({ applicationId: '11111111-1111-4111-8111-111111111111', version: 3 }), { timeout: 5000 });
  }, 30_000);

  it('shows the linked assessments’ headline figures on the application, and says when one cannot be computed', async () => {
    const api = fakeApi({
      'carbon.linkedTo': {
        data: [
          { id: 'p1', name: '高知CLT庁舎', version: 3, updatedAt: new Date(), scenarioName: '基本案', ok: true, complete: true, grossFloorAreaM2: 1000, evaluationYears: 60, wholeLifeKg: 1_234_567, upfrontKg: 800_000, operationalKg: 300_000, perM2: 1234.6, perM2Year: 20.58, dKg: 0, biogenicStorageKg: -60_600 },
          { id: 'p2', name: '別案', version: 1, updatedAt: new Date(), scenarioName: '基本案', ok: false, issueCount: 2, issues: [{ code: 'carbon.floor_area_required', params: {}, path: [], message: '延床面積を入力してください。' }] },
        ],
      },
    });
    renderWithTsumiki(<LinkedCarbonAssessments applicationId="a1" />, { api, messages });
    const card = await screen.findByTestId('linked-carbon');
    await waitFor(() => expect(card.textContent).toContain('高知CLT庁舎'), { timeout: 5000 });
    expect(card.textContent).toContain('ライフサイクル全体（60年）');
    expect(card.textContent).toContain('1,234.6 t-CO₂e');
    expect(card.textContent).toContain('まだ算定できません（誤り2件）');
    expect(api.calls[0]).toEqual({ path: 'carbon.linkedTo', input: { applicationId: 'a1' } });
  });
});

describe('carbon project list', () => {
  it('lists the organisation’s projects and creates one by name', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('applicant') },
      'carbon.list': { data: [{ id: 'p1', organisationId: 'o1', applicationId: null, name: '高知CLT庁舎', version: 2, updatedAt: new Date('2026-04-01T01:00:00Z'), use: 'office', grossFloorAreaM2: 1200, lineCount: 14 }] },
      'carbon.create': { data: { id: 'p2', organisationId: 'o1', applicationId: null, name: '新庁舎', version: 1, updatedAt: new Date() } },
      'carbon.get': { data: { ...project, id: 'p2' } },
      'carbon.factors': { data: library }, 'carbon.materialNames': { data: [] }, 'carbon.prepareIfc': { data: { started: true } },
    });
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api, route: '/carbon', messages });
    const table = await screen.findByTestId('carbon-table');
    expect(table.textContent).toContain('高知CLT庁舎');
    expect(table.textContent).toContain('1,200 m²');
    fireEvent.click(screen.getByTestId('carbon-create'));
    expect(await screen.findByText('プロジェクト名を入力してください。')).toBeTruthy();
    fireEvent.change(within(screen.getByTestId('carbon-list')).getByLabelText(/プロジェクト名/), { target: { value: '新庁舎' } });
    fireEvent.click(screen.getByTestId('carbon-create'));
    await screen.findByTestId('carbon-project');
    expect(api.calls.find((c) => c.path === 'carbon.create')?.input).toEqual({ name: '新庁舎' });
  });

  it('lists the newest change first, sorts by floor area, and says how to begin when there is none', async () => {
    const listed = (id: string, name: string, grossFloorAreaM2: number | null, updatedAt: string) => ({ id, organisationId: 'o1', applicationId: null, name, version: 1, updatedAt: new Date(updatedAt), use: 'office', grossFloorAreaM2, lineCount: 1 });
    const api = fakeApi({
      'auth.me': { data: sessionOf('applicant') },
      'carbon.list': { data: [listed('a', '旧庁舎', 900, '2026-01-01T00:00:00Z'), listed('b', '新庁舎', null, '2026-05-01T00:00:00Z'), listed('c', '倉庫', 300, '2026-03-01T00:00:00Z')] },
    });
    const { unmount } = renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api, route: '/carbon', messages });
    const table = await screen.findByRole('table', { name: '建物のライフサイクルCO₂（LCCO₂）算定' });
    const names = () => within(table).getAllByRole('link').map((a) => a.textContent);
    expect(names()).toEqual(['新庁舎', '倉庫', '旧庁舎']);
    fireEvent.click(screen.getByTestId('sort-area'));
    expect(names()).toEqual(['倉庫', '旧庁舎', '新庁舎']);
    unmount();
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api: fakeApi({ 'auth.me': { data: sessionOf('applicant') }, 'carbon.list': { data: [] } }), route: '/carbon', messages });
    expect((await screen.findByTestId('carbon-table-empty')).textContent).toContain('まだプロジェクトはありません');
  });
});

describe('remembered material names', () => {
  it('lists each name with its material, forgets one from its row, and says in Japanese when there is none', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('applicant') },
      'carbon.factors': { data: library },
      'carbon.materialNames': { data: [{ name: '生コン', materialKey: 'unknown-key' }, { name: 'CLTパネル', materialKey: 'another-key' }] },
      'carbon.forgetMaterialNames': { data: { forgotten: 1 } },
    });
    const { unmount } = renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api, route: '/carbon/names', messages });
    const table = await screen.findByRole('table', { name: '組織で記憶した資材名' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['生コン', 'CLTパネル']);
    fireEvent.click(screen.getByTestId('sort-name'));
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['CLTパネル', '生コン']);
    fireEvent.click(within(table).getByRole('button', { name: '「生コン」の記憶を削除' }));
    await waitFor(() => expect(api.calls.find((c) => c.path === 'carbon.forgetMaterialNames')?.input).toEqual({ names: ['生コン'] }));
    unmount();
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api: fakeApi({ 'auth.me': { data: sessionOf('applicant') }, 'carbon.factors': { data: library }, 'carbon.materialNames': { data: [] } }), route: '/carbon/names', messages });
    const empty = await screen.findByTestId('carbon-names-table-empty');
    expect(empty.textContent).toContain('記憶した資材名はまだありません');
    expect(within(empty).getByRole('link', { name: '算定の一覧へ' }).getAttribute('href')).toBe('/carbon');
  });
});
