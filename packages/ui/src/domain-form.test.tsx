import { Button, NumberInput, TextInput } from '@mantine/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ZMemberFirmInput, type TMemberFirmInput } from '@tsumiki/domain/ccus';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { useDomainForm } from './domain-form';
import { fakeApi, renderWithTsumiki } from './testing';
import { YenInput } from './yen-input';

const associationId = '10000000-0000-4000-8000-000000000001';

/** A member-firm form as the dashboard's settings has it: a name and a yen amount. */
function FirmForm({ onSave }: { onSave: (values: TMemberFirmInput) => void }) {
  const form = useDomainForm(ZMemberFirmInput, { initialValues: { associationId, name: '', projectCostYen: null } });
  return (
    <form noValidate onSubmit={form.onSubmit(onSave)}>
      <TextInput label="会員企業名" {...form.getInputProps('name')} />
      <YenInput label="事業費" max={Number.MAX_SAFE_INTEGER} {...form.getInputProps('projectCostYen')} onChange={(v) => form.setFieldValue('projectCostYen', v ?? null)} />
      <Button type="submit">保存</Button>
    </form>
  );
}

const setup = (locale: 'ja' | 'en' = 'ja') => {
  const onSave = vi.fn<(values: TMemberFirmInput) => void>();
  renderWithTsumiki(<FirmForm onSave={onSave} />, { api: fakeApi({}), locale });
  return {
    onSave,
    user: userEvent.setup(),
    name: screen.getByRole<HTMLInputElement>('textbox', { name: /会員企業名/ }),
    cost: screen.getByRole<HTMLInputElement>('textbox', { name: /事業費/ }),
    save: screen.getByRole('button', { name: '保存' }),
  };
};

describe('the domain form', () => {
  it('stays quiet until a field is left, then checks as you type, in Japanese', async () => {
    const { user, name } = setup();
    await user.type(name, 'A');
    await user.clear(name);
    expect(screen.queryByText('会員企業名を入力してください。')).toBeNull();
    await user.tab();
    expect(screen.getByText('会員企業名を入力してください。')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    // No blur: the message goes as soon as the name is typed and comes back when it is cleared.
    await user.type(name, 'A建設');
    expect(screen.queryByText('会員企業名を入力してください。')).toBeNull();
    await user.clear(name);
    expect(screen.getByText('会員企業名を入力してください。')).toBeTruthy();
  });

  it('on submit names every field still wrong, in the chosen language, and sends nothing', async () => {
    const { user, save, onSave } = setup('en');
    await user.click(save);
    expect(screen.getByText("Enter the member firm's name.")).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('never changes what was typed: the text stays, the schema reads it for sending', async () => {
    const { user, name, cost, save, onSave } = setup();
    await user.type(name, '　Ａ建設　');
    await user.type(cost, '１，０００');
    expect(name.value).toBe('　Ａ建設　');
    expect(cost.value).toBe('１，０００');
    await user.click(save);
    expect(name.value).toBe('　Ａ建設　');
    expect(cost.value).toBe('１，０００');
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]?.[0]).toEqual({ associationId, name: 'A建設', projectCostYen: 1000 });
  });

  it('holds the form while an amount’s text is refused, rather than sending no amount', async () => {
    const { user, name, cost, save, onSave } = setup();
    await user.type(name, 'A建設');
    await user.type(cost, '-500');
    await user.click(save);
    expect(onSave).not.toHaveBeenCalled();
    expect(cost.value).toBe('-500');
    expect(document.activeElement).toBe(cost);
    await user.clear(cost);
    await user.type(cost, '500');
    await user.click(save);
    expect(onSave.mock.calls[0]?.[0]).toEqual({ associationId, name: 'A建設', projectCostYen: 500 });
  });

  it('calls a cleared number field unanswered in Japanese, never zod’s English “expected number”, and names the limit', async () => {
    const ZScore = z.strictObject({ score: z.number().int().min(1).max(5) });
    function ScoreForm() {
      const form = useDomainForm(ZScore, { initialValues: { score: 3 } });
      return (
        <form noValidate onSubmit={form.onSubmit(() => undefined)}>
          <NumberInput label="点数" clampBehavior="none" {...form.getInputProps('score')} />
        </form>
      );
    }
    renderWithTsumiki(<ScoreForm />, { api: fakeApi({}), locale: 'ja' });
    const user = userEvent.setup();
    const score = screen.getByRole<HTMLInputElement>('textbox', { name: /点数/ });
    await user.clear(score);
    await user.tab();
    expect(screen.getByText('入力してください。')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/expected|Invalid input/i);
    await user.type(score, '9');
    expect(score.value).toBe('9');
    expect(screen.getByText('5以下の値を入力してください。')).toBeTruthy();
  });
});
