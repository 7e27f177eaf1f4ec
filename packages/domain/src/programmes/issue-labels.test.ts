import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors';
import { assessApplication } from './application-form';
import { cltExampleApplicationContent } from './clt/examples';
import { co2LicenceExampleContent } from './co2/examples';
import type { TApplicationContent } from './content/schema';

/** An internal path or camelCase name inside a message: what a Japanese screen must never show. */
const INTERNAL = /\b[a-z]+(?:\.[a-zA-Z0-9]+){2,}|\b[a-z]+[A-Z][a-zA-Z]*\b/;

function messagesOf(content: TApplicationContent): string[] {
  const assessment = assessApplication(content.programme, content);
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
