import { describe, expect, it } from 'vitest';
import { BUILTIN_PROGRAMMES } from './input';
import { assessApplication, formFields, formIssues } from './application-form';
import { contentWithValueAt, type TApplicationContent } from './content/schema';
import { when } from './shared/conditions';
import type { TProgrammeDefinition } from './shared/definition';
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
    const issues = formIssues('clt_demonstration', content, BUILTIN_PROGRAMMES.clt_demonstration);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'application.field_invalid', path: 'grant.facts.storeys' }),
    ]);
    const mail = formIssues('clt_demonstration', contentWithValueAt(completeCltContent(), 'applicant.contactEmail', 'not-mail'), BUILTIN_PROGRAMMES.clt_demonstration);
    expect(mail.map((i) => i.path)).toEqual(['applicant.contactEmail']);
  });

  it('a refused pledge blocks submission with its own message', () => {
    const issues = formIssues('clt_demonstration', contentWithValueAt(completeCltContent(), 'pledge.agreed', false), BUILTIN_PROGRAMMES.clt_demonstration);
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
      const paths = formFields(kind, BUILTIN_PROGRAMMES[kind]).map((f) => f.path);
      expect(new Set(paths).size).toBe(paths.length);
    }
    const { result } = assessApplication('co2_factor_support', { programme: 'co2_factor_support' }, undefined, BUILTIN_PROGRAMMES['co2_factor_support']);
    expect(result?.grant.amount).toBe(0);
  });
});

describe('LCA eligibility questions follow the published version', () => {
  const v1 = BUILTIN_PROGRAMMES.lca_implementation;
  // An office's version 2: one question reworded, one dropped (with its criterion), one added and required.
  const v2: TProgrammeDefinition = {
    ...v1,
    questions: [
      ...v1.questions.filter((q) => q.fact !== 'cooperatesWithSurveys').map((q) => (q.fact === 'reportsLcaResult' ? { ...q, text: { ja: 'LCA算定結果を毎年度報告する', en: 'Reports the LCA result every year' } } : q)),
      { fact: 'publishesResult', text: { ja: 'LCA算定結果を自社で公表する', en: 'Publishes the LCA result itself' }, answer: 'yes_no', source: '公募要領' },
    ],
    eligibility: [
      ...v1.eligibility.filter((c) => c.code !== 'eligibility.lca.cooperate_surveys'),
      { code: 'eligibility.lca.publishes', text: { ja: '結果を公表すること', en: 'Publishes the result' }, requires: when.isTrue('publishesResult'), level: 'required', source: '公募要領' },
    ],
  };
  const answered = {
    programme: 'lca_implementation',
    applicant: { name: '株式会社〇〇設計', representative: '代表取締役 山田太郎', address: '東京都千代田区', contactName: '佐藤', contactEmail: 'sato@example.jp', contactPhone: '03-0000-0000' },
    outline: { purpose: '事務所ビルのLCA' },
    pledge: { agreed: true },
    grant: { facts: { withBimModel: false, reportsLcaResult: true, cooperatesWithSurveys: true }, lines: [{ id: 'l1', section: 'lca', category: 'lca_calculation', amount: 2_200_000 }] },
  } as const satisfies TApplicationContent;

  it('the form asks the version’s questions in its words, and requires those every application must meet', () => {
    const label = (def: TProgrammeDefinition, fact: string) => formFields('lca_implementation', def).find((f) => f.path === `grant.facts.${fact}`);
    expect(label(v1, 'reportsLcaResult')?.label.ja).toBe('LCA算定結果を国土交通省等に報告する');
    expect(label(v2, 'reportsLcaResult')?.label.ja).toBe('LCA算定結果を毎年度報告する');
    expect(label(v2, 'cooperatesWithSurveys')).toBeUndefined();
    expect(label(v2, 'publishesResult')).toMatchObject({ kind: 'boolean', required: true });
    expect(label(v2, 'meetsBimRequirements')?.required).toBe(false);
  });

  it('an answer complete under version 1 is assessed under version 2 by version 2’s questions', () => {
    expect(assessApplication('lca_implementation', answered, undefined, v1).issues).toEqual([]);
    const under2 = assessApplication('lca_implementation', answered, undefined, v2);
    expect(under2.issues.map((i) => [i.code, i.path])).toEqual([
      ['application.field_required', 'grant.facts.publishesResult'],
      ['grant.field_unknown', 'grant.facts'],
    ]);
    const fixed = { ...answered, grant: { ...answered.grant, facts: { withBimModel: false, reportsLcaResult: true, publishesResult: true } } };
    const ok = assessApplication('lca_implementation', fixed, undefined, v2);
    expect(ok.issues).toEqual([]);
    expect(ok.result?.grant.amount).toBe(2_200_000);
  });

  it('an answer of the wrong type is named by its question', () => {
    const wrong = { ...answered, grant: { ...answered.grant, facts: { ...answered.grant.facts, withBimModel: 'yes' } } };
    const { issues } = assessApplication('lca_implementation', wrong, undefined, v1);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'grant.fact_boolean', path: 'grant.facts.withBimModel', params: expect.objectContaining({ field: 'BIMモデルを作成した上でLCAを行う' }) }));
  });
});
