import { describe, expect, it } from 'vitest';
import { BUILTIN_PROGRAMMES } from './input';
import { assessApplication, formFields, formIssues } from './application-form';
import { contentWithValueAt } from './content/schema';
import { cltExampleApplicationContent as completeCltContent } from './clt/examples';

describe('application forms as data', () => {
  it('a complete CLT application has no issues and its grant is the 様式4-1 + 4-2 example to the yen', () => {
    const { issues, result } = assessApplication('clt_demonstration', completeCltContent(), undefined, BUILTIN_PROGRAMMES.clt_demonstration);
    expect(issues).toEqual([]);
    expect(result?.eligibility.status).not.toBe('ineligible');
    // 10,800,000 (様式4-1) + 1,010,000 (様式4-2); requested 39,600,000 + 1,031,000.
    expect(result?.grant.amount).toBe(11_810_000);
    expect(result?.grant.requested).toBe(40_631_000);
    expect(result?.grant.ownShare).toBe(28_821_000);
  });

  it('an empty draft is assessed, not refused: required fields named, the budget asked for', () => {
    const { issues, result } = assessApplication('clt_demonstration', { programme: 'clt_demonstration' }, undefined, BUILTIN_PROGRAMMES.clt_demonstration);
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('applicant.name');
    expect(paths).toContain('grant.facts.storeys');
    expect(paths).toContain('pledge.agreed');
    expect(paths).toContain('checklist.acknowledged');
    expect(issues.find((i) => i.path === 'applicant.name')).toMatchObject({
      code: 'application.field_required',
      params: { field: '法人名（団体名）' },
    });
    expect(result).not.toBeNull();
    expect(issues.some((i) => i.code === 'application.budget_empty')).toBe(true);
  });

  it('names a wrong type or an absurd value by its field', () => {
    // Not through contentWithValueAt: the draft schema itself refuses a fractional storey count.
    const complete = completeCltContent();
    const content = { ...complete, grant: { ...complete.grant, facts: { ...complete.grant?.facts, storeys: 2.5 } } };
    const issues = formIssues('clt_demonstration', content);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'application.field_invalid', path: 'grant.facts.storeys' }),
    ]);
    const mail = formIssues('clt_demonstration', contentWithValueAt(completeCltContent(), 'applicant.contactEmail', 'not-mail'));
    expect(mail.map((i) => i.path)).toEqual(['applicant.contactEmail']);
  });

  it('a refused pledge blocks submission with its own message', () => {
    const issues = formIssues('clt_demonstration', contentWithValueAt(completeCltContent(), 'pledge.agreed', false));
    expect(issues.map((i) => i.code)).toEqual(['application.pledge_required']);
  });

  it('a budget line the rules cannot read is reported under grant.* with the line, and no grant is shown', () => {
    const content = completeCltContent();
    const grant = content.grant as { building: { lines: { amount: number }[] } };
    grant.building.lines[0]!.amount = -5;
    const { issues, result } = assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration);
    expect(result).toBeNull();
    expect(issues.some((i) => i.path.startsWith('grant.building.lines.0.amount'))).toBe(true);
  });

  it('an ineligible proposal (a detached house) cannot be submitted', () => {
    const content = contentWithValueAt(completeCltContent(), 'grant.facts.mainUseDetachedHouse', true);
    const { issues } = assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration);
    expect(issues.map((i) => i.code)).toContain('application.ineligible');
  });

  it('every form field path is unique and the CO2 form starts from an empty budget', () => {
    for (const kind of ['clt_demonstration', 'co2_factor_support', 'lca_implementation'] as const) {
      const paths = formFields(kind).map((f) => f.path);
      expect(new Set(paths).size).toBe(paths.length);
    }
    const { result } = assessApplication('co2_factor_support', { programme: 'co2_factor_support' }, undefined, BUILTIN_PROGRAMMES['co2_factor_support']);
    expect(result?.grant.amount).toBe(0);
  });
});
