import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { BUILTIN_PROGRAMMES, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ChangeRequests } from './change-requests';

const APPLICATION = '00000000-0000-4000-8000-0000000000b1';

describe('change requests (portal)', () => {
  it('names a missing reason and a malformed corporate number as typed, and sends a blank number as none', async () => {
    const api = fakeApi({
      'lifecycle.changes': { data: [] },
      'applications.get': { data: { definition: null } },
      'lifecycle.requestChange': { data: { ok: true } },
    });
    renderWithTsumiki(<ChangeRequests applicationId={APPLICATION} kind="clt_demonstration" frozen={{ programme: 'clt_demonstration' }} may />, { api, messages });
    const form = await screen.findByTestId('change-form');
    fireEvent.click(within(form).getByText('事業者の追加', { exact: true }));
    const number = await within(form).findByRole('textbox', { name: /法人番号/ });
    fireEvent.change(number, { target: { value: '123' } });
    fireEvent.blur(number);
    expect(await within(form).findByText('法人番号は13桁の数字で入力してください。')).toBeTruthy();
    expect((number as HTMLInputElement).value).toBe('123');
    fireEvent.click(within(form).getByRole('button', { name: '変更を申請する' }));
    expect(await within(form).findByText('変更の理由を入力してください。')).toBeTruthy();
    expect(within(form).getByText('追加する事業者の名称を入力してください。')).toBeTruthy();
    expect(api.calls.some((c) => c.path === 'lifecycle.requestChange')).toBe(false);

    fireEvent.change(number, { target: { value: '' } });
    await waitFor(() => expect(within(form).queryByText('法人番号は13桁の数字で入力してください。')).toBeNull());
    fireEvent.change(within(form).getByRole('textbox', { name: /事業者名/ }), { target: { value: '木構プレカット株式会社' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /役割/ }), { target: { value: 'CLTパネルの加工' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /変更の理由/ }), { target: { value: '加工工程を分担するため' } });
    fireEvent.click(within(form).getByRole('button', { name: '変更を申請する' }));
    await waitFor(() =>
      expect(api.calls.find((c) => c.path === 'lifecycle.requestChange')?.input).toEqual({
        applicationId: APPLICATION,
        reason: '加工工程を分担するため',
        change: { kind: 'add_company', company: { name: '木構プレカット株式会社', role: 'CLTパネルの加工' } },
      }),
    );
  });

  it('says when the rules its editors are drawn from cannot be read, and shows the editors once a retry reads them', async () => {
    let reads = 0;
    const api = fakeApi({
      'lifecycle.changes': { data: [] },
      'applications.get': { data: { definition: { versionId: '00000000-0000-4000-8000-0000000000d1', version: 1, pinned: true } } },
      'programmes.rules': () => (++reads === 1 ? { error: { appCode: 'internal', httpStatus: 503 } } : { data: BUILTIN_PROGRAMMES.clt_demonstration }),
    });
    renderWithTsumiki(<ChangeRequests applicationId={APPLICATION} kind="clt_demonstration" frozen={cltExampleApplicationContent()} may />, { api, messages });
    const form = await screen.findByTestId('change-form');
    // A budget change is the form's first kind: its editor needs the rules.
    const failed = (await within(form).findByText('読み込めませんでした')).closest<HTMLElement>('[role="alert"]')!;
    expect(within(form).queryAllByTestId(/^rows-/)).toHaveLength(0);
    fireEvent.click(within(failed).getByRole('button', { name: '再読み込み' }));
    await waitFor(() => expect(within(form).queryAllByTestId(/^rows-/).length).toBeGreaterThan(0));
    expect(within(form).queryByText('読み込めませんでした')).toBeNull();
  });
});
