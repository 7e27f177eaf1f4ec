import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { cloneRoundForNextYear, jstInputValue, nextRoundCode, roundCodeCandidates, roundAccepting, roundActions, roundListing, roundTransition, ZRoundInput, ZRoundTerms } from './round';
import { addJstYears, jstInstant } from './time';

const terms = { opensAt: '2026-04-01T00:00', closesAt: '2026-12-25T00:00', budgetYen: 100_000_000, notes: '' };

describe('round terms', () => {
  it('reads the window as JST to the minute', () => {
    const parsed = ZRoundTerms.parse({ ...terms, closesAt: '2026-04-06T13:00' });
    expect(parsed.opensAt).toEqual(jstInstant(2026, 4, 1));
    expect(parsed.closesAt.toISOString()).toBe('2026-04-06T04:00:00.000Z');
  });

  it('refuses a window that ends before (or when) it starts, naming the closing field', () => {
    for (const closesAt of ['2026-03-31T23:59', '2026-04-01T00:00']) {
      const result = ZRoundTerms.safeParse({ ...terms, closesAt });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([expect.objectContaining({ message: 'round.window_ends_before_start', path: ['closesAt'] })]);
    }
    const full = ZRoundInput.safeParse({ ...terms, closesAt: '2026-03-01T00:00', code: 'lca-r8', nameJa: 'x', nameEn: 'x', fiscalYear: 2026 });
    expect(full.error?.issues.map((i) => i.message)).toEqual(['round.window_ends_before_start']);
    // Said while other fields are still empty, as a form is filled in.
    const partial = ZRoundInput.safeParse({ ...terms, closesAt: '2026-03-01T00:00', budgetYen: undefined, code: '', nameJa: '', nameEn: '' });
    expect(partial.error?.issues.map((i) => i.message)).toContain('round.window_ends_before_start');
  });

  it('takes the budget as whole yen, zero or more', () => {
    expect(ZRoundTerms.safeParse({ ...terms, budgetYen: 0 }).success).toBe(true);
    expect(ZRoundTerms.safeParse({ ...terms, budgetYen: -1 }).error?.issues[0]?.message).toBe('money.negative');
    expect(ZRoundTerms.safeParse({ ...terms, budgetYen: 1.5 }).error?.issues[0]?.message).toBe('money.not_integer');
  });

  it('refuses a window time that is not a JST minute', () => {
    expect(ZRoundTerms.safeParse({ ...terms, opensAt: '2026-02-30T00:00' }).success).toBe(false);
    expect(ZRoundTerms.safeParse({ ...terms, opensAt: '2026-04-01T00:00:30' }).success).toBe(false);
  });

  it('refuses a code with capitals or spaces', () => {
    const base = { ...terms, nameJa: 'x', nameEn: 'x', fiscalYear: 2026 };
    expect(ZRoundInput.safeParse({ ...base, code: 'LCA r8' }).error?.issues[0]?.message).toBe('round.code_invalid');
    expect(ZRoundInput.safeParse({ ...base, code: 'lca-r8' }).success).toBe(true);
  });
});

describe('round status', () => {
  it('publishes a draft, closes a published round and reopens it to published', () => {
    expect(roundTransition('draft', 'publish')).toBe('published');
    expect(roundTransition('published', 'close')).toBe('closed');
    expect(roundTransition('closed', 'reopen')).toBe('published');
  });

  it('refuses any other step with a named error', () => {
    for (const [status, action] of [['draft', 'close'], ['draft', 'reopen'], ['published', 'publish'], ['published', 'reopen'], ['closed', 'publish'], ['closed', 'close']] as const) {
      expect(() => roundTransition(status, action)).toThrow(DomainError);
      try {
        roundTransition(status, action);
      } catch (e) {
        expect((e as DomainError).code).toBe('round.transition_not_allowed');
      }
    }
  });

  it('offers exactly the actions the transitions allow', () => {
    expect(roundActions('draft')).toEqual(['publish']);
    expect(roundActions('published')).toEqual(['close']);
    expect(roundActions('closed')).toEqual(['reopen']);
  });

  it('accepts applications only when published and inside the window', () => {
    const window = { opensAt: jstInstant(2026, 4, 1), closesAt: jstInstant(2026, 4, 6, 13, 0) };
    const inside = jstInstant(2026, 4, 2);
    expect(roundAccepting({ ...window, status: 'published' }, inside)).toEqual({ accepting: true });
    expect(roundAccepting({ ...window, status: 'draft' }, inside)).toEqual({ accepting: false, why: 'round_not_published' });
    expect(roundAccepting({ ...window, status: 'closed' }, inside)).toEqual({ accepting: false, why: 'round_not_published' });
    expect(roundAccepting({ ...window, status: 'published' }, window.closesAt)).toEqual({ accepting: false, why: 'window_closed' });
  });
});

describe('cloning a round into the next fiscal year', () => {
  const round = {
    code: 'co2-factor-support-r7',
    nameJa: '令和7年度 CO2原単位等の策定に係る支援',
    nameEn: 'FY2025 support for developing CO2 emission factors',
    fiscalYear: 2025,
    opensAt: jstInstant(2025, 4, 1),
    closesAt: jstInstant(2025, 12, 25, 13, 0),
    budgetYen: 120_000_000,
    notes: '予算は補正で増額予定',
  };

  it('moves the window one year on in JST and keeps budget and notes', () => {
    const next = cloneRoundForNextYear(round);
    expect(next).toEqual({
      code: 'co2-factor-support-r8',
      nameJa: '令和8年度 CO2原単位等の策定に係る支援',
      nameEn: 'FY2026 support for developing CO2 emission factors',
      fiscalYear: 2026,
      opensAt: jstInstant(2026, 4, 1),
      closesAt: jstInstant(2026, 12, 25, 13, 0),
      budgetYen: 120_000_000,
      notes: '予算は補正で増額予定',
    });
    expect(jstInputValue(next.closesAt)).toBe('2026-12-25T13:00');
  });

  it('gives a new code whatever the old one looks like', () => {
    expect(nextRoundCode('lca-2026', 2026)).toBe('lca-2027');
    expect(nextRoundCode('lca-support', 2026)).toBe('lca-support-2027');
    expect(roundCodeCandidates('lca-r10').slice(0, 3)).toEqual(['lca-r10', 'lca-r10-2', 'lca-r10-3']);
    expect(roundCodeCandidates('lca-r10').every((c) => ZRoundInput.shape.code.safeParse(c).success)).toBe(true);
  });

  it('keeps 29 February inside February', () => {
    expect(addJstYears(jstInstant(2028, 2, 29, 17, 0), 1)).toEqual(jstInstant(2029, 2, 28, 17, 0));
    // JST midnight is the previous UTC day: the shift is by the Japanese calendar date.
    expect(addJstYears(jstInstant(2026, 1, 1), 1)).toEqual(jstInstant(2027, 1, 1));
  });
});

describe('where a round belongs in the list of calls', () => {
  const window = { opensAt: jstInstant(2025, 4, 1), closesAt: jstInstant(2025, 12, 25) };
  it('lists only open and upcoming rounds under 公募中・公募予定', () => {
    expect(roundListing({ ...window, status: 'published' }, jstInstant(2025, 6, 1), true)).toBe('open');
    expect(roundListing({ ...window, status: 'published' }, jstInstant(2025, 3, 1), false)).toBe('upcoming');
    expect(roundListing({ ...window, status: 'published' }, jstInstant(2025, 12, 25), false)).toBe('closed');
    expect(roundListing({ ...window, status: 'closed' }, jstInstant(2025, 3, 1), false)).toBe('closed');
    // Open by its window, but the budget is spent: the acceptance rule says so, and it is closed.
    expect(roundListing({ ...window, status: 'published' }, jstInstant(2025, 6, 1), false)).toBe('closed');
  });
});
