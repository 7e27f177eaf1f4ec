import { screen } from '@testing-library/react';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { Assessment } from './application-assessment';

const view = {
  eligibility: null,
  grant: null,
  decision: null,
  reasons: [{ code: 'grant.breakdown_incomplete' as const, params: { line: 'b2' }, source: '003 §3.4', level: 'error' as const }],
  rowLabels: { b1: { ja: '建築物の建築実証（1行目）', en: 'Building demonstration #1' }, b2: { ja: '建築物の建築実証（2行目）', en: 'Building demonstration #2' } },
};

describe('the assessment’s reasons', () => {
  it('name a budget row as the application’s screens do, never by its id', () => {
    renderWithTsumiki(<Assessment view={view} />, { api: fakeApi({}), app: 'console', messages });
    const text = screen.getByTestId('assessment').textContent ?? '';
    expect(text).toContain('行「建築物の建築実証（2行目）」の積算内訳');
    expect(text).not.toContain('「b2」');
  });

  it('in English too', () => {
    renderWithTsumiki(<Assessment view={view} />, { api: fakeApi({}), app: 'console', messages, locale: 'en' });
    expect(screen.getByTestId('assessment').textContent).toContain('Line "Building demonstration #2"');
  });
});
