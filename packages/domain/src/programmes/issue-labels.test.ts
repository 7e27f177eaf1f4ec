import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors';
import type { TProgrammeKind } from '../programme';
import { assessApplication, factLabeller } from './application-form';
import { BUILTIN_PROGRAMMES } from './input';
import { conditionFacts } from './shared/definition';
import { cltExampleApplicationContent } from './clt/examples';
import { co2LicenceExampleContent } from './co2/examples';
import type { TApplicationContent } from './content/schema';

/** An internal path or camelCase name inside a message: what a Japanese screen must never show. */
const INTERNAL = /\b[a-z]+(?:\.[a-zA-Z0-9]+){2,}|\b[a-z]+[A-Z][a-zA-Z]*\b/;

function messagesOf(content: TApplicationContent): string[] {
  const assessment = assessApplication(content.programme, content, undefined, BUILTIN_PROGRAMMES[content.programme]);
  return assessment.issues.flatMap((i) => [errorMessage(i.code, 'ja', i.params), errorMessage(i.code, 'en', { ...i.params, field: i.params.fieldEn ?? i.params.field ?? '' })]);
}

describe('messages about the budget name fields as on screen', () => {
  it('never shows a content path such as building.lines.0.amount', () => {
    const clt = cltExampleApplicationContent();
    const lines = clt.grant!.building!.lines.map((l, i) => (i === 0 ? { ...l, amount: -5, unitPrice: undefined, quantity: undefined } : i === 1 ? { ...l, quantity: 0.0001 } : l));
    const badClt = JSON.parse(JSON.stringify({ ...clt, grant: { ...clt.grant, building: { lines } } })) as TApplicationContent;
    const co2 = co2LicenceExampleContent({ acquisition: 'purchase', start: '2026-02-30' });
    co2.grant!.factors![0] = { ...co2.grant!.factors![0]!, productCategory: '' };
    const messages = [...messagesOf(badClt), ...messagesOf(co2)];
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expect(m, m).not.toMatch(INTERNAL);
  });
});

describe('requirements that cannot be judged yet name what to answer as the form asks it', () => {
  it('names a CLT fact by its question, in Japanese and in English', () => {
    const clt = cltExampleApplicationContent();
    const facts: Record<string, unknown> = { ...clt.grant!.facts };
    delete facts.mainUseDetachedHouse;
    const content = JSON.parse(JSON.stringify({ ...clt, grant: { ...clt.grant, facts } })) as TApplicationContent;
    const reasons = assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result!.eligibility.reasons.filter((r) => r.code === 'eligibility.facts_missing');
    expect(reasons.length).toBeGreaterThan(0);
    const ja = errorMessage(reasons[0]!.code, 'ja', reasons[0]!.params);
    expect(ja).toContain('次の項目に回答してください: 「主要用途は戸建住宅である」');
    expect(errorMessage(reasons[0]!.code, 'en', reasons[0]!.params)).toContain('“The main use is a detached house”');
    for (const r of reasons) expect(errorMessage(r.code, 'ja', r.params)).not.toMatch(INTERNAL);
  });

  it('has a label for every fact a built-in definition’s conditions read, except the ones the engine derives', () => {
    // Worked out from the budget (which rate, which costs, which documents), never asked.
    const derived = new Set(['rateVariant', 'cltStructural', 'hasPersonnelCost', 'hasLicenceCost', 'hasVerificationCost', 'hasPublicationCost', 'residualValueFormsNeeded']);
    for (const [kind, def] of Object.entries(BUILTIN_PROGRAMMES)) {
      const labelOf = factLabeller(def, kind as TProgrammeKind);
      const unnamed = conditionFacts(def)
        .map((c) => c.fact)
        .filter((fact) => !fact.startsWith('cost.') && !derived.has(fact) && labelOf(fact) === null);
      expect([...new Set(unnamed)], kind).toEqual([]);
    }
  });
});
