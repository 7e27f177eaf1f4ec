import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderWithTsumiki } from './testing';
import { YenInput } from './yen-input';

/** A form holding one amount, showing what it holds, as the wizard's budget rows do. */
function Holder({ max, initial }: { max: number; initial?: number }) {
  const [value, setValue] = useState<number | undefined>(initial);
  return (
    <>
      <YenInput label="金額" max={max} value={value} onChange={setValue} />
      <output data-testid="held">{value === undefined ? 'none' : String(value)}</output>
    </>
  );
}

const setup = (max = 1_000_000_000_000, initial?: number, locale: 'ja' | 'en' = 'ja') => {
  renderWithTsumiki(<Holder max={max} {...(initial === undefined ? {} : { initial })} />, { api: fakeApi({}), locale });
  return { user: userEvent.setup(), input: screen.getByRole<HTMLInputElement>('textbox', { name: /金額/ }), held: () => screen.getByTestId('held').textContent };
};

describe('the yen input', () => {
  it('reads full-width digits and separators, keeping the text as typed', async () => {
    const { user, input, held } = setup();
    await user.type(input, '１，０００');
    expect(input.value).toBe('１，０００');
    expect(held()).toBe('1000');
    expect(screen.getByText('1,000円として読み取りました')).toBeTruthy();
  });

  it('refuses a negative amount with a message and holds no amount, never 500,000', async () => {
    const { user, input, held } = setup();
    await user.type(input, '-500000');
    expect(input.value).toBe('-500000');
    expect(held()).toBe('none');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('金額にマイナスは入力できません。0円以上、1,000,000,000,000円以下の整数で入力してください。')).toBeTruthy();
  });

  it('refuses a decimal, never 10,005', async () => {
    const { user, input, held } = setup();
    await user.type(input, '1000.5');
    expect(input.value).toBe('1000.5');
    expect(held()).toBe('none');
    expect(screen.getByText(/金額に小数は入力できません/)).toBeTruthy();
  });

  it('states the maximum when more is typed, in the language shown', async () => {
    const { user, input, held } = setup(100_000_000, undefined, 'en');
    await user.type(input, '123000000000');
    expect(held()).toBe('none');
    expect(screen.getByText('The amount is over the maximum. Enter at most ¥100,000,000.')).toBeTruthy();
  });

  it('shows an amount given from outside with separators, and clears to no amount', async () => {
    const { user, input, held } = setup(undefined, 39_600_000);
    expect(input.value).toBe('39,600,000');
    await user.clear(input);
    expect(held()).toBe('none');
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('takes a holder that keeps NaN for a refused amount (the definition editor does) without re-rendering forever', async () => {
    function NaNHolder() {
      const [value, setValue] = useState(6_500_000);
      return <YenInput label="金額" max={1_000_000} value={value} onChange={(v) => setValue(v ?? Number.NaN)} />;
    }
    renderWithTsumiki(<NaNHolder />, { api: fakeApi({}) });
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: /金額/ });
    await userEvent.setup().clear(input);
    await userEvent.setup().type(input, '-1');
    expect(input.value).toBe('-1');
    expect(screen.getByText(/金額にマイナスは入力できません/)).toBeTruthy();
  });
});
