import { describe, expect, it } from 'vitest';
import { factsRead } from '../shared/conditions';
import { evaluateCriteria } from '../shared/rules';
import { factorFacts } from './compute';
import { CO2_FACTOR_SUPPORT, FACTOR_KINDS } from './definition';
import { CO2_FACTOR_FACT_LABELS } from './fact-labels';
import { FACTOR_QUESTION_KEYS, factorQuestions } from './factor-questions';
import type { TCo2Factor } from './input';

const factor = (over: Partial<TCo2Factor>): TCo2Factor => ({ id: 'F1', kind: 'epd_cfp_verified', product: '高炉セメントB種', productCategory: 'セメント', ...over });
const keys = (f: TCo2Factor) => factorQuestions(CO2_FACTOR_SUPPORT, f, 0).map((q) => q.key);

describe('the questions under a CO2 factor', () => {
  it('asks every fact a factor requirement reads (none is a dead end), each by its label', () => {
    const read = new Set(CO2_FACTOR_SUPPORT.itemEligibility.flatMap((c) => [...factsRead(c.requires), ...(c.appliesWhen ? factsRead(c.appliesWhen) : [])]));
    read.delete('kind');
    expect([...read].filter((fact) => !FACTOR_QUESTION_KEYS.includes(fact))).toEqual([]);
    for (const f of FACTOR_KINDS.map((kind) => factor({ kind })))
      for (const q of factorQuestions(CO2_FACTOR_SUPPORT, f, 2)) {
        expect(q.field.label).toBe(CO2_FACTOR_FACT_LABELS[q.key]);
        expect(q.field.path).toBe(`grant.factors.2.${q.key}`);
      }
  });

  it('asks what the factor’s kind needs, and a question once an answer makes it matter', () => {
    expect(keys(factor({}))).toEqual(['iso14025Verification', 'developedByReport', 'publication']);
    expect(keys(factor({ kind: 'pcr' }))).toEqual(['iso14025Compliant', 'developedByReport', 'publication']);
    expect(keys(factor({ kind: 'cfp_unverified' }))).toEqual(['dataType', 'usesExistingData', 'thirdPartyReview', 'refreshIntervalYears', 'developedByReport', 'publication']);
    expect(keys(factor({ kind: 'cfp_unverified', usesExistingData: true, dataType: 'industry_representative' }))).toEqual([
      'dataType', 'industryValueSetting', 'usesExistingData', 'backgroundDatabase', 'backgroundDatabaseManaged', 'thirdPartyReview', 'refreshIntervalYears', 'developedByReport', 'publication',
    ]);
    expect(keys(factor({ publication: 'next_fiscal_year' }))).toEqual(['iso14025Verification', 'developedByReport', 'publication', 'expectedPublicationOn']);
  });

  it('leaves no required requirement undetermined once each question asked is answered', () => {
    const answers: Partial<TCo2Factor> = {
      iso14025Verification: true, iso14025Compliant: true, dataType: 'industry_representative', industryValueSetting: 'average', usesExistingData: true,
      backgroundDatabaseManaged: true, thirdPartyReview: true, refreshIntervalYears: 5, stages: ['A1', 'A2', 'A3', 'A4'], a1a3ShownSeparately: true,
      followsCfpGuideline: true, buildingOnlyProduct: false, ruleMadeBy: 'company', genericRuleExists: true, followsGenericRule: true, developedByReport: true, publication: 'results_report',
    };
    for (const kind of FACTOR_KINDS) {
      let f = factor({ kind });
      // Answer what is asked, round by round, as an applicant would.
      for (let round = 0; round < 5; round += 1)
        for (const q of factorQuestions(CO2_FACTOR_SUPPORT, f, 0)) if (f[q.key] === undefined && answers[q.key] !== undefined) f = { ...f, [q.key]: answers[q.key] };
      const { criteria } = evaluateCriteria(CO2_FACTOR_SUPPORT.itemEligibility, factorFacts(f));
      expect(criteria.filter((c) => c.level !== 'notice' && c.status === 'unknown').map((c) => c.code), kind).toEqual([]);
    }
  });
});
