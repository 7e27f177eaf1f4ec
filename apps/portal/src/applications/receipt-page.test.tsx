import { fireEvent, screen, within } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, programmeFixture, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { BUILTIN_PROGRAMMES, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { PortalRoutes } from '../routes';

const content = cltExampleApplicationContent();
// The applicant's name as frozen, in the form's first section.
const applicantName = content.applicant?.name ?? '';
const submitted = {
  id: 'a1',
  programmeId: programmeFixture.id,
  organisationId: 'o1',
  title: 'CLT実証',
  status: 'submitted',
  content,
  version: 5,
  submittedAt: new Date('2026-03-20T01:00:00Z'),
  trackingNumber: 'CLT-2025-0007',
  requestedGrantYen: 11_810_000,
  createdAt: new Date('2026-03-01T00:00:00Z'),
  updatedAt: new Date('2026-03-20T01:00:00Z'),
  attachments: [],
  programme: { ...programmeFixture, kind: 'clt_demonstration', isOpen: true },
  definition: { versionId: '00000000-0000-4000-8000-0000000000d1', version: 1, pinned: true },
  submissions: [],
};
const frozen = { versionNo: 1, title: 'CLT実証', content, assessment: {}, requestedGrantYen: 11_810_000, submittedAt: submitted.submittedAt, trackingNumber: 'CLT-2025-0007' };

function renderReceipt(rules: () => { data: unknown } | { error: { appCode: string; httpStatus: number } }) {
  const api = fakeApi({
    'auth.me': { data: sessionOf('applicant', '杉山 美咲') },
    'applications.get': { data: submitted },
    'applications.submission': { data: frozen },
    'programmes.rules': rules,
  });
  renderWithTsumiki(
    <AuthGate>
      <PortalRoutes />
    </AuthGate>,
    { api, route: '/applications/a1/receipt/1', messages },
  );
  return api;
}

describe('the receipt', () => {
  it('lays out the submitted form by the rules it was submitted under', async () => {
    const api = renderReceipt(() => ({ data: BUILTIN_PROGRAMMES.clt_demonstration }));
    const receipt = await screen.findByTestId('receipt');
    expect(within(receipt).getByTestId('tracking-number').textContent).toBe('CLT-2025-0007');
    expect(applicantName).not.toBe('');
    expect(await within(receipt).findByText(applicantName)).toBeTruthy();
    expect(api.calls.find((c) => c.path === 'programmes.rules')?.input).toEqual({ versionId: submitted.definition.versionId });
  });

  it('says when the rules cannot be read, keeps the receipt, and shows the form once a retry reads them', async () => {
    let reads = 0;
    renderReceipt(() => (++reads === 1 ? { error: { appCode: 'internal', httpStatus: 503 } } : { data: BUILTIN_PROGRAMMES.clt_demonstration }));
    const receipt = await screen.findByTestId('receipt');
    const alert = (await within(receipt).findByText('読み込めませんでした')).closest<HTMLElement>('[role="alert"]')!;
    // What the receipt itself says is there meanwhile.
    expect(within(receipt).getByTestId('tracking-number').textContent).toBe('CLT-2025-0007');
    expect(within(receipt).queryByText(applicantName)).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: '再読み込み' }));
    expect(await within(receipt).findByText(applicantName)).toBeTruthy();
    expect(within(receipt).queryByText('読み込めませんでした')).toBeNull();
  });
});
