import { screen } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ConsoleRoutes } from '../routes';

const failed = {
  id: 7,
  topic: 'organisation.invitation',
  to: 'nobody@example.jp',
  attempts: 1,
  error: '550 No such mailbox',
  givenUp: true,
  failedAt: new Date('2026-12-04T05:00:00Z'),
  retryAt: new Date('2026-12-04T05:00:00Z'),
  createdAt: new Date('2026-12-04T04:59:00Z'),
};

describe('undelivered mail on the office home', () => {
  it('shows the programme office each message the mail server refused, with its answer', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('programme_admin', '佐藤 誠') },
      'programmes.list': { data: [] },
      'lifecycle.undeliveredMail': { data: [failed, { ...failed, id: 8, to: 'later@example.jp', givenUp: false, error: '451 Greylisted', failedAt: null }] },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', route: '/programmes', messages });
    const section = await screen.findByTestId('undelivered-mail');
    await screen.findByText('nobody@example.jp');
    expect(section.textContent).toContain('届かなかったメール');
    expect(section.textContent).toContain('組織への招待');
    expect(section.textContent).toContain('送信不可');
    expect(section.textContent).toContain('550 No such mailbox');
    expect(section.textContent).toContain('再送待ち（2026-12-04 14:00 JST）');
  });

  it('is not shown to a reviewer', async () => {
    const api = fakeApi({ 'auth.me': { data: sessionOf('reviewer', '高橋 健一') }, 'programmes.list': { data: [] } });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', route: '/programmes', messages });
    await screen.findByTestId('home');
    expect(screen.queryByTestId('undelivered-mail')).toBeNull();
  });
});
