import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors';
import { validateGrantInput } from './input';
import { ALL_CHOICES, optionNamesParams } from './shared/choices';

/** A value outside a closed choice is answered with the names the form shows, never the codes. */
const optionIssue = (programme: string, raw: unknown) => {
  const v = validateGrantInput(programme, raw);
  const issue = v.ok ? undefined : v.issues.find((i) => i.code === 'grant.option_unknown');
  if (!issue) throw new Error(`no grant.option_unknown for ${JSON.stringify(raw)}`);
  return { ja: errorMessage(issue.code, 'ja', issue.params), en: errorMessage(issue.code, 'en', issue.params) };
};
// The Japanese text is searched for the codes; the English names may share a word with a code (separable).
const expectNoCodes = (ja: string, codes: readonly string[]) => {
  for (const code of codes) expect(ja, ja).not.toMatch(new RegExp(`\\b${code}\\b`));
};
const factor = { id: 'F1', kind: 'calculation_rule', product: '高炉セメントB種', productCategory: 'セメント' };

describe('grant.option_unknown names the options as the form does', () => {
  it('CO2 applicant kind: 業界団体、個社, not industry_body / company', () => {
    const { ja, en } = optionIssue('co2_factor_support', { applicant: { name: '協会', kind: 'association' }, factors: [factor], lines: [] });
    expect(ja).toContain('次のいずれかを選んでください: 業界団体、個社');
    expect(en).toContain(': Industry body, Company');
    expectNoCodes(ja, ['industry_body', 'company']);
    expect(en).not.toMatch(/industry_body|company\b/);
  });

  it('CO2 factor: industry value setting and who makes the rule', () => {
    const setting = optionIssue('co2_factor_support', { applicant: { name: '協会' }, factors: [{ ...factor, industryValueSetting: 'median' }], lines: [] });
    expect(setting.ja).toContain(': 業界平均値、業界平均より大きく設定する');
    expectNoCodes(setting.ja, ['average', 'above_average']);
    expect(setting.en).toContain(': The industry average, Above the average');
    const madeBy = optionIssue('co2_factor_support', { applicant: { name: '協会' }, factors: [{ ...factor, ruleMadeBy: 'ministry' }], lines: [] });
    expect(madeBy.ja).toContain(': 業界団体、個社');
    expectNoCodes(madeBy.ja, ['industry_body', 'company']);
  });

  it('CLT: another national subsidy and the requested rate', () => {
    const subsidy = optionIssue('clt_demonstration', { facts: { otherNationalSubsidy: 'yes' } });
    expect(subsidy.ja).toContain(': なし、あり（対象部分を明確に切り分けられる）、あり（同一内容）');
    expect(subsidy.en).toContain(': None, Yes, clearly separable, Yes, for the same content');
    expectNoCodes(subsidy.ja, ['none', 'separable', 'same_content']);
    const rate = optionIssue('clt_demonstration', { rate: { requested: 'half' } });
    expect(rate.ja).toContain(': 3/10（通常）、1/2（特例対象事業）');
    expectNoCodes(rate.ja, ['standard', 'special']);
    expect(rate.en).toContain(': 3/10 (standard), 1/2 (special)');
  });

  it('a value means one thing in every list that has it, so one name serves each', () => {
    const seen = new Map<string, string>();
    for (const c of ALL_CHOICES.flat()) {
      const label = JSON.stringify(c.label);
      expect(seen.get(c.value) ?? label, c.value).toBe(label);
      seen.set(c.value, label);
    }
  });

  it('a value no list names is shown as given (a definition’s own enum)', () => {
    expect(optionNamesParams(['tax_inclusive', 'company'])).toEqual({ options: 'tax_inclusive、個社', optionsEn: 'tax_inclusive, Company' });
  });
});
