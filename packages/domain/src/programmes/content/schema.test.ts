import { describe, expect, it } from 'vitest';
import { cltExampleApplicationContent } from '../clt/examples';
import { ContentShapeError, contentWithValueAt, emptyContent, parseApplicationContent, withApplicantDefaults, ZApplicationContent } from './schema';

describe('application content schema', () => {
  it('reads the worked example and a just-started draft of every programme', () => {
    expect(ZApplicationContent.parse(cltExampleApplicationContent())).toEqual(cltExampleApplicationContent());
    for (const programme of ['clt_demonstration', 'co2_factor_support', 'lca_implementation'] as const)
      expect(ZApplicationContent.safeParse({ programme }).success).toBe(true);
  });

  it('keeps a half-filled budget line and an out-of-range amount for the submission check to name', () => {
    const parsed = ZApplicationContent.safeParse({ programme: 'clt_demonstration', grant: { building: { lines: [{ id: 'b1', amount: -5 }, { id: 'b2', amount: 0 }] } } });
    expect(parsed.success).toBe(true);
  });

  it('refuses unknown keys, a value of the wrong type, another programme’s parts and a missing kind', () => {
    const codeAt = (raw: unknown) => {
      const r = ZApplicationContent.safeParse(raw);
      return r.success ? null : { path: r.error.issues[0]?.path.join('.'), code: r.error.issues[0]?.code };
    };
    expect(codeAt({ programme: 'clt_demonstration', summary: 'x' })?.code).toBe('unrecognized_keys');
    expect(codeAt({ programme: 'clt_demonstration', grant: { building: { lines: 'many' } } })?.path).toBe('grant.building.lines');
    expect(codeAt({ programme: 'co2_factor_support', checklist: {} })?.code).toBe('unrecognized_keys');
    expect(codeAt({ applicant: { name: 'x' } })).not.toBeNull();
  });

  it('names the application and the field when stored content does not fit, and checks the kind when asked', () => {
    const read = () => parseApplicationContent('app-1', { programme: 'clt_demonstration', pledge: { agreed: 'yes' } });
    expect(read).toThrow(ContentShapeError);
    expect(read).toThrow(expect.objectContaining({ code: 'application.content_invalid', params: { application: 'app-1', path: 'pledge.agreed' } }));
    expect(() => parseApplicationContent('app-2', { programme: 'lca_implementation' }, 'clt_demonstration')).toThrow(/app-2.*programme/);
  });

  it('refuses content over 1 MB as it is received, and reads stored content without measuring it again', () => {
    const lines = Array.from({ length: 101 }, () => ({ explanation: '説'.repeat(10_000) }));
    const big = { programme: 'clt_demonstration' as const, grant: { building: { lines } } };
    expect(ZApplicationContent.safeParse(big).error?.issues.map((i) => i.message)).toEqual(['application.content_too_large']);
    expect(ZApplicationContent.safeParse({ ...big, grant: { building: { lines: lines.slice(0, 99) } } }).success).toBe(true);
    expect(parseApplicationContent('app-3', big)).toEqual(big);
  });

  it('edits by path as the forms do, keeping text as typed and refusing a value of the wrong type', () => {
    const start = { programme: 'clt_demonstration' as const };
    expect(contentWithValueAt(start, 'plan.content', ' 実証 ')).toEqual({ programme: 'clt_demonstration', plan: { content: ' 実証 ' } });
    expect(contentWithValueAt({ programme: 'clt_demonstration', plan: { content: 'x' } }, 'plan.content', undefined)).toEqual({ programme: 'clt_demonstration', plan: {} });
    expect(() => contentWithValueAt(start, 'grant.facts.storeys', 'four')).toThrow(expect.objectContaining({ code: 'application.field_invalid' }));
  });
});

describe('様式1 prefilled from the organisation', () => {
  const organisation = { name: '株式会社〇〇木材', representative: '代表取締役 山田 一郎', address: '高知県高知市〇〇1-2-3', contactName: '杉山 美咲', contactEmail: 'misaki@example.jp' };

  it('fills what is blank from the organisation record and the person signed in', () => {
    expect(withApplicantDefaults(emptyContent('clt_demonstration'), organisation)).toEqual({ programme: 'clt_demonstration', applicant: organisation });
  });

  it('never replaces what the applicant typed, and skips what the record does not hold', () => {
    const typed = { programme: 'co2_factor_support' as const, applicant: { name: '〇〇木材（高知支店）', address: '  ', contactPhone: '088-000-0000' } };
    expect(withApplicantDefaults(typed, { name: organisation.name, address: organisation.address, representative: null })).toEqual({
      programme: 'co2_factor_support',
      applicant: { name: '〇〇木材（高知支店）', address: '高知県高知市〇〇1-2-3', contactPhone: '088-000-0000' },
    });
    expect(withApplicantDefaults(emptyContent('lca_implementation'), {})).toEqual({ programme: 'lca_implementation' });
  });
});
