import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, programmeFixture, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { PortalRoutes } from '../routes';

const programmeId = '20000000-0000-4000-8000-000000000001';

describe('new application', () => {
  it('names a blank title once the field is left, keeps what was typed, and sends the title the schema reads', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('applicant') },
      'programmes.list': { data: [{ ...programmeFixture, id: programmeId }] },
      'applications.createDraft': { error: { appCode: 'application.window_closed', httpStatus: 409 } },
    });
    renderWithTsumiki(
      <AuthGate>
        <PortalRoutes />
      </AuthGate>,
      { api, route: `/applications/new/${programmeId}`, messages },
    );
    const title = await screen.findByRole('textbox', { name: /事業名/ });
    fireEvent.change(title, { target: { value: '   ' } });
    expect(screen.queryByText('事業名を入力してください。')).toBeNull();
    fireEvent.blur(title);
    expect(await screen.findByText('事業名を入力してください。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '下書きを作成' }));
    expect(api.calls.some((c) => c.path === 'applications.createDraft')).toBe(false);

    fireEvent.change(title, { target: { value: ' CLT実証 ' } });
    await waitFor(() => expect(screen.queryByText('事業名を入力してください。')).toBeNull());
    expect((title as HTMLInputElement).value).toBe(' CLT実証 ');
    fireEvent.click(screen.getByRole('button', { name: '下書きを作成' }));
    await waitFor(() => expect(api.calls.find((c) => c.path === 'applications.createDraft')?.input).toEqual({ programmeId, title: 'CLT実証' }));
  });
});
