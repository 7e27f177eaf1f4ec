import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { groupIfcElements, materialNameIndex, newProjectContent, resolveMaterialNames, STARTER_LIBRARY, type TIfcModel } from '@tsumiki/domain/carbon';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { PortalRoutes } from '../routes';

const library = STARTER_LIBRARY.map((f) => ({ ...f, origin: 'starter' as const }));
const content = { ...newProjectContent('FZK-Haus', '2026-04-01'), building: { use: 'house', structure: 'RC', grossFloorAreaM2: 180, works: 'new' as const } };
const project = { id: 'p1', organisationId: '00000000-0000-4000-8000-000000000001', applicationId: null, version: 1, updatedAt: new Date('2026-04-01T01:00:00Z'), content };

const vol = (set: string, name: string, value: number) => ({ set, name, kind: 'volume' as const, value });
const MODEL: TIfcModel = {
  schema: 'IFC4',
  otherElements: { IfcSpace: 7, IfcOpeningElement: 17 },
  elements: [
    { id: 'w1', ifcType: 'IfcWallStandardCase', materialSource: 'layers', materials: [{ name: 'Leichtbeton 102890359', thicknessM: 0.3 }], quantities: [vol('BaseQuantities', 'NetVolume', 12.5)] },
    { id: 'm1', ifcType: 'IfcMember', materialSource: 'single', materials: [{ name: '直交集成板（CLT）' }], quantities: [vol('ArchiCADQuantities', 'Netto-Volumen', 0.4)] },
    { id: 'd1', ifcType: 'IfcDoor', name: 'Haustuer', materialSource: 'none', materials: [], quantities: [] },
  ],
};
/** What carbon.previewIfc answers for MODEL: the domain's own grouping and name resolution. */
function previewOf(model: TIfcModel) {
  const index = materialNameIndex(STARTER_LIBRARY);
  const out = groupIfcElements(model, { materialKeyOf: (n) => resolveMaterialNames([n], index)[0]!.materialKey ?? undefined });
  return { ...out, mapping: resolveMaterialNames(out.summary.unmappedMaterials, index) };
}

describe('IFC import on the carbon calculator', () => {
  it('shows what was read and skipped in Japanese, then adds the lines to the BoQ', async () => {
    const api = fakeApi({ 'auth.me': { data: sessionOf('applicant') }, 'carbon.get': { data: project }, 'carbon.factors': { data: library }, 'carbon.materialNames': { data: [] }, 'carbon.prepareIfc': { data: { started: true } }, 'carbon.previewIfc': { data: previewOf(MODEL) } });
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api, route: '/carbon/p1', messages });
    const input = (await screen.findByTestId('ifc-import')).querySelector('input[type=file]')!;
    fireEvent.change(input, { target: { files: [new File(['ISO-10303-21;'], 'FZK-Haus.ifc', { type: 'application/octet-stream' })] } });

    const summary = await screen.findByTestId('ifc-summary');
    expect(summary.textContent).toContain('3個の部材を読み取り、2個の数量を2行の明細にまとめました。');
    expect(within(summary).getByTestId('ifc-skipped').textContent).toContain('Haustuer（ドア・材料が指定されていない）');
    expect(summary.textContent).toContain('室 7個、開口 17個');
    expect(within(summary).getByTestId('ifc-unmapped').textContent).toContain('Leichtbeton');
    const lines = within(summary).getByTestId('ifc-lines');
    expect(lines.textContent).toContain('3.1 コンクリート');
    expect(lines.textContent).toContain('書き出しソフト独自の数量 1個');
    // No schema class names or internal keys on the Japanese screen.
    expect(summary.textContent).not.toMatch(/Ifc[A-Z]|wood\.|no_material|BaseQuantities/);
    const sent = api.calls.find((c) => c.path === 'carbon.previewIfc')!.input as { organisationId: string; file: { format: string; base64: string } };
    expect(sent.organisationId).toBe(project.organisationId);
    expect(sent.file.format).toBe('ifc');
    expect(atob(sent.file.base64)).toBe('ISO-10303-21;');

    fireEvent.click(screen.getByTestId('ifc-apply'));
    const grid = screen.getByTestId('boq-grid');
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(3));
    const materials = within(grid).getAllByRole('combobox', { name: /^資材 \d+$/ }).map((i) => (i as HTMLInputElement).value);
    // Lines show the model's names; the known one carries the library key behind it.
    expect(materials).toEqual(['Leichtbeton', '直交集成板（CLT）']);
    expect(screen.queryByTestId('ifc-summary')).toBeNull();
    // The model's unknown material goes to the mapping step like a pasted one.
    await waitFor(() => expect(screen.getByTestId('material-mapping').textContent).toContain('Leichtbeton'));
  }, 30_000);

  it('lists what was read and skipped the English way in English', async () => {
    const api = fakeApi({ 'auth.me': { data: sessionOf('applicant', 'Misaki Sugiyama', { locale: 'en' }) }, 'carbon.get': { data: project }, 'carbon.factors': { data: library }, 'carbon.materialNames': { data: [] }, 'carbon.prepareIfc': { data: { started: true } }, 'carbon.previewIfc': { data: previewOf(MODEL) } });
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api, route: '/carbon/p1', messages, locale: 'en' });
    const input = (await screen.findByTestId('ifc-import')).querySelector('input[type=file]')!;
    fireEvent.change(input, { target: { files: [new File(['ISO-10303-21;'], 'FZK-Haus.ifc', { type: 'application/octet-stream' })] } });
    const summary = await screen.findByTestId('ifc-summary');
    // English words arrive as their own chunk: wait for them.
    await waitFor(() => expect(summary.textContent).toContain('Read 3 elements'));
    // Commas between items and round brackets around a skipped element's kind and reason: no 「、」 or 「（」.
    expect(within(summary).getByTestId('ifc-skipped').textContent).toMatch(/Haustuer \([^,()]+, [^()]+\)/);
    expect(summary.textContent).toMatch(/7[^,]*, [^,]*17/);
    // 「直交集成板（CLT）」 is the model's own name for a material, kept as written.
    expect(summary.textContent?.replaceAll('直交集成板（CLT）', '')).not.toMatch(/[、（）・]/);
  }, 30_000);

  it('asks a thickness for timber given by area, refuses what is no thickness, and adds the line in m³', async () => {
    const model: TIfcModel = {
      schema: 'IFC2X3',
      otherElements: {},
      elements: [{ id: 'win', ifcType: 'IfcWindow', external: true, materialSource: 'single', materials: [{ name: 'Holz' }], quantities: [{ set: 'BaseQuantities', name: 'Area', kind: 'area', value: 26.937 }] }],
    };
    const api = fakeApi({ 'auth.me': { data: sessionOf('applicant') }, 'carbon.get': { data: project }, 'carbon.factors': { data: library }, 'carbon.materialNames': { data: [] }, 'carbon.prepareIfc': { data: { started: true } }, 'carbon.previewIfc': { data: previewOf(model) } });
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api, route: '/carbon/p1', messages });
    const input = (await screen.findByTestId('ifc-import')).querySelector('input[type=file]')!;
    fireEvent.change(input, { target: { files: [new File(['ISO-10303-21;'], 'window.ifc', { type: 'application/octet-stream' })] } });

    const field = await screen.findByLabelText('「Holz」の厚さ（mm）');
    fireEvent.change(field, { target: { value: '0' } });
    expect((await screen.findByText('厚さは0より大きく1000 mm以下の数値（mm）で入力してください。')).textContent).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('ifc-apply').disabled).toBe(true);

    fireEvent.change(field, { target: { value: '６８' } });
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('ifc-apply').disabled).toBe(false));
    fireEvent.click(screen.getByTestId('ifc-apply'));
    const grid = screen.getByTestId('boq-grid');
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(2));
    // 26.937 m² × 68 mm = 1.832 m³.
    expect(within(grid).getByDisplayValue('1.832')).toBeTruthy();
  }, 30_000);
});
