import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { STARTER_LIBRARY } from '@tsumiki/domain/carbon';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ConsoleRoutes } from '../routes';

const library = [
  ...STARTER_LIBRARY.map((f) => ({ ...f, origin: 'starter' as const })),
  { ...STARTER_LIBRARY.find((f) => f.id === 'jp.rinya.clt')!, id: 'office.gw', nameJa: '事務局のグラスウール', productCategory: 'insulation', source: 'seeds/002 l.2161–2166; 事務局資料', origin: 'imported' as const },
  { ...STARTER_LIBRARY.find((f) => f.id === 'jp.rinya.clt')!, id: 'epd.old', nameJa: '古いCLT EPD', dataType: 'epd_company' as const, publishedOn: '2015-01-01', validUntil: '2020-01-01', origin: 'imported' as const },
];
const row = (line: number, id: string, issues: { code: string; message: string }[] = []) => ({
  line,
  id,
  materialKey: issues.length ? '' : 'glass.float',
  label: `EPD ${id.replace("openepd.", "")}`,
  factor: issues.length ? null : { ...library[0]!, id, materialKey: 'glass.float', declaredUnit: 'm2', a1a3: 25 },
  replaces: false,
  issues: issues.map((i) => ({ ...i, params: {} })),
});

function renderLibrary(answers: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ 'auth.me': { data: sessionOf('programme_admin') }, 'carbon.factors': { data: library }, ...answers });
  renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', route: '/carbon/factors', messages });
  return api;
}

describe('console factor library', () => {
  it('lists factors with provenance and filters them by data type and age', async () => {
    renderLibrary();
    const table = await screen.findByTestId('factor-table');
    expect(within(table).getByText('直交集成板（CLT）')).toBeTruthy();
    expect(table.textContent).toContain('未整備');
    expect(table.textContent).toContain('Nakano K, Koike W');
    expect(screen.getByRole('link', { name: 'CO₂原単位ライブラリ' })).toBeTruthy();
    // Sources by title, categories by name: no file references, no English codes.
    expect(table.textContent).not.toContain('seeds/');
    expect(within(screen.getByTestId('factor-office.gw')).getByTestId('factor-source').textContent).toContain('第四次答申');
    const categories = within(table).getAllByTestId('factor-category').map((c) => c.textContent ?? '');
    expect(categories).toContain('断熱材');
    expect(categories.filter((c) => /^[a-z]+$/.test(c))).toEqual([]);

    fireEvent.change(screen.getByLabelText('公表・期限'), { target: { value: 'expired' } });
    await waitFor(() => expect(within(screen.getByTestId('factor-table')).getAllByRole('row')).toHaveLength(2), { timeout: 5000 });
    expect(screen.getByTestId('factor-table').textContent).toContain('古いCLT EPD');
    expect(screen.getByTestId('factor-table').textContent).toContain('期限切れ');
    // Each date is kept whole on its line (公表 2015- had broken from 01-01).
    const published = within(screen.getByTestId('factor-table')).getByText(/^公表 2015-01-01$/);
    expect(published.style.whiteSpace).toBe('nowrap');

    expect(screen.getByTestId('factor-import')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('公表・期限'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('データ種別'), { target: { value: 'epd_company' } });
    await waitFor(() => expect(within(screen.getByTestId('factor-table')).getAllByRole('row')).toHaveLength(2), { timeout: 5000 });
  });

  it('lets a reviewer read the library but not import', async () => {
    const api = fakeApi({ 'auth.me': { data: sessionOf('reviewer') }, 'carbon.factors': { data: library } });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', route: '/carbon/factors', messages });
    await screen.findByTestId('factor-table', {}, { timeout: 5000 });
    expect(screen.queryByTestId('factor-import')).toBeNull();
    expect(screen.queryByRole('link', { name: 'CO₂原単位ライブラリ' })).toBeNull();
  });

  it('previews an openEPD file with the bad entry named, takes a material key for it, then imports all', async () => {
    const api = renderLibrary({
      'carbon.importFactors': (input) => {
        const { commit, materialKeys = {} } = input as { commit: boolean; materialKeys?: Record<string, string> };
        const fixed = materialKeys.G2 === 'glass.float';
        const rows = [row(1, 'openepd.G1'), fixed ? row(2, 'openepd.G2') : row(2, 'openepd.G2', [{ code: 'carbon.epd_material_key_required', message: '2件目のEPD「EPD G2」: どの資材の原単位か（資材キー）を選んでください。' }])];
        return { data: { ok: fixed, format: 'openepd', fileIssues: [], rows, errorRows: fixed ? 0 : 1, saved: commit ? 2 : 0 } };
      },
    });
    const input = (await screen.findByTestId('factor-import')).querySelector('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File(['[{"id":"G1"},{"id":"G2"}]'], 'epds.json', { type: 'application/json' })] } });
    expect((await screen.findByTestId('factor-preview-summary', {}, { timeout: 5000 })).textContent).toContain('2件中1件にエラー');
    expect(screen.getByTestId('factor-preview-rows').textContent).toContain('2件目のEPD「EPD G2」');
    expect(screen.getByTestId<HTMLButtonElement>('factor-import-commit').disabled).toBe(true);
    expect(api.calls.find((c) => c.path === 'carbon.importFactors')?.input).toMatchObject({ file: { format: 'openepd' }, commit: false });

    fireEvent.change(screen.getByLabelText('「EPD G2」の資材キー'), { target: { value: 'glass.float' } });
    await waitFor(() => expect(screen.getByTestId('factor-preview-summary').textContent).toContain('2件すべて取り込めます'), { timeout: 5000 });
    fireEvent.click(screen.getByTestId('factor-import-commit'));
    expect((await screen.findByTestId('factor-import-saved', {}, { timeout: 5000 })).textContent).toContain('2件の原単位を取り込みました');
    expect(api.calls.filter((c) => c.path === 'carbon.importFactors').at(-1)?.input).toMatchObject({ commit: true, materialKeys: { G2: 'glass.float' } });
  });
});
