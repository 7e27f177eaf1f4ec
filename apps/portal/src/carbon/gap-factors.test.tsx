import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { STARTER_LIBRARY, ZProjectFactor, type TEmissionFactor } from '@tsumiki/domain/carbon';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { describe, expect, it, vi } from 'vitest';
import { messages } from '../messages';
import { GapFactors } from './material-mapping';

const gap = STARTER_LIBRARY.find((f) => f.gap)!;
const line = { id: 'L1', category: '3', materialKey: gap.materialKey, quantity: 10, unit: gap.declaredUnit };

describe('a factor entered for a gap material', () => {
  it('is checked as typed by the domain’s rules and used only once it passes them, as typed', async () => {
    const onChange = vi.fn<(factors: TEmissionFactor[]) => void>();
    renderWithTsumiki(<GapFactors lines={[line]} library={STARTER_LIBRARY} factors={[]} onChange={onChange} />, { api: fakeApi({}), messages });
    const row = await screen.findByRole('form', { name: `${gap.nameJa}の原単位` });
    const value = within(row).getByRole('textbox', { name: `${gap.nameJa}のA1–A3` });
    const source = within(row).getByRole('textbox', { name: `${gap.nameJa}の出典` });
    const date = within(row).getByRole('textbox', { name: `${gap.nameJa}の公表日` });

    // Nothing typed: each missing field is named at the field and nothing is used.
    fireEvent.click(within(row).getByRole('button', { name: 'この原単位を使う' }));
    expect(await within(row).findByText('原単位（A1–A3）の値を入力してください。')).toBeTruthy();
    expect(within(row).getByText('出典を入力してください（文書名・発行者・番号など、値を確認できる情報）。')).toBeTruthy();
    expect(within(row).getByText('公表日は実在する日付を「2025-04-01」の形式で入力してください。')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();

    // Too large a value is refused with the limit and stays as typed.
    fireEvent.change(value, { target: { value: '250000' } });
    await waitFor(() => expect(within(row).getByText(/200,000/)).toBeTruthy());
    expect((value as HTMLInputElement).value).toBe('250000');
    fireEvent.change(date, { target: { value: '2025-02-30' } });
    fireEvent.click(within(row).getByRole('button', { name: 'この原単位を使う' }));
    expect(onChange).not.toHaveBeenCalled();

    fireEvent.change(value, { target: { value: '1850.5' } });
    fireEvent.change(source, { target: { value: ' 〇〇製鋼 EPD JR-E-00001 ' } });
    fireEvent.change(date, { target: { value: '2025-04-01' } });
    await waitFor(() => expect(within(row).queryByText('公表日は実在する日付を「2025-04-01」の形式で入力してください。')).toBeNull());
    fireEvent.click(within(row).getByRole('button', { name: 'この原単位を使う' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    const [factor] = onChange.mock.calls[0]![0];
    expect(factor).toMatchObject({ id: `user.${gap.materialKey}`, a1a3: 1850.5, source: '〇〇製鋼 EPD JR-E-00001', publishedOn: '2025-04-01', dataType: 'epd_company', declaredUnit: gap.declaredUnit, gap: false });
    // What the form accepts, the API's project input accepts too.
    expect(ZProjectFactor.safeParse(factor).success).toBe(true);
  });
});

describe('the API’s project factors', () => {
  it('refuse an entered factor the form would refuse, named at the factor’s field', () => {
    const entered = { id: 'user.x', materialKey: 'x', nameJa: 'x', nameEn: 'x', productCategory: 'x', declaredUnit: 't', a1a3: 300_000, dataType: 'epd_company', owner: '利用者入力', source: ' ', publishedOn: '2025-04-01' };
    const r = ZProjectFactor.safeParse(entered);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['a1a3', 'carbon.user_factor_too_large'],
      ['source', 'carbon.user_factor_source_required'],
    ]);
  });
});
