import { screen } from '@testing-library/react';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { Countdown } from './countdown';

// 2027-02-06 00:00 JST: a call that closes at midnight reads as 24:00 of the day before.
const closesAt = new Date('2027-02-05T15:00:00Z');

describe('Countdown', () => {
  it('names the time zone once, in Japanese', () => {
    renderWithTsumiki(<Countdown closesAt={closesAt} />, { api: fakeApi({}), messages });
    const text = screen.getByTestId('deadline').textContent;
    expect(text).toMatch(/^締切 2027-02-05 24:00 JST · /);
    expect(text?.match(/JST|日本時間/g)).toHaveLength(1);
  });

  it('names the time zone once, in English', async () => {
    const { i18n } = renderWithTsumiki(<Countdown closesAt={closesAt} />, { api: fakeApi({}), messages, locale: 'en' });
    expect(i18n.language).toBe('en');
    const text = (await screen.findByText(/^Deadline/)).textContent;
    expect(text).toMatch(/^Deadline 2027-02-05 24:00 JST · /);
    expect(text?.match(/JST/g)).toHaveLength(1);
  });
});
