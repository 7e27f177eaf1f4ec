import { screen, within } from '@testing-library/react';
import { BUILTIN_PROGRAMMES, compareSubmittedVersions, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { VersionComparisonPanel } from './version-comparison-panel';

const first = cltExampleApplicationContent();
const second = cltExampleApplicationContent();
second.grant!.building!.lines[1] = { ...second.grant!.building!.lines[1]!, amount: 3_300_000, unitPrice: 3_300_000 };
second.grant!.facts!.storeys = 3;
const versions = [
  { versionNo: 2, submittedAt: new Date('2026-06-05T01:00:00Z') },
  { versionNo: 1, submittedAt: new Date('2026-06-01T01:00:00Z') },
];

describe('version comparison panel (console)', () => {
  it('shows the changed field and budget line old → new and the grant of each version, in Japanese with yen separators', async () => {
    const api = fakeApi({ 'review.compareVersions': { data: { versions, from: 1, to: 2, comparison: compareSubmittedVersions(first, second, BUILTIN_PROGRAMMES.clt_demonstration) } } });
    renderWithTsumiki(<VersionComparisonPanel applicationId="a1" />, { api, app: 'console', messages });
    const line = await screen.findByTestId('comparison-line');
    expect(line.textContent).toContain('様式4-1 建築物の建築実証');
    expect(line.textContent).toContain('仮設工事');
    expect(line.textContent).toContain('金額（税込・円）: 2,200,000円 → 3,300,000円');
    const field = screen.getByTestId('comparison-field');
    expect(within(field).getByText('階数（地上）')).toBeTruthy();
    expect(field.textContent).toContain('4');
    const grant = screen.getByTestId('comparison-amount-grant');
    expect(grant.textContent).toBe('助成額11,810,000円12,110,000円+300,000円');
    const panel = screen.getByTestId('version-comparison');
    // No stored codes or internal names on the page.
    expect(panel.textContent).not.toMatch(/[a-z][A-Z]|_|grant\.|\{/);
    expect(api.calls.find((c) => c.path === 'review.compareVersions')?.input).toEqual({ applicationId: 'a1' });
  });

  it('says there is nothing to compare when only one version was submitted', async () => {
    const api = fakeApi({ 'review.compareVersions': { data: { versions: versions.slice(1), from: null, to: null, comparison: null } } });
    renderWithTsumiki(<VersionComparisonPanel applicationId="a1" />, { api, app: 'console', messages });
    expect(await screen.findByText('提出された版が一つだけのため、比較できる版はありません。')).toBeTruthy();
  });
});
