import { describe, expect, it } from 'vitest';
import { assessApplication } from '../application-form';
import { cltExampleApplicationContent } from '../clt/examples';
import { BUILTIN_PROGRAMMES } from '../input';
import { applicationFormDocument, grantFigures } from './index';

describe('the grant explained figure by figure (what the wizard shows live)', () => {
  it('gives the tax-excluded base, the rate, the rounding and the caps, each citing the call by title and section', () => {
    const content = cltExampleApplicationContent();
    const rows = grantFigures(applicationFormDocument({ content, result: assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result, definition: BUILTIN_PROGRAMMES.clt_demonstration }));
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get('form4_1.taxExcluded')!.explanation!.steps.at(-1)!.ja).toBe('計 36,000,000円');
    expect(byKey.get('form4_1.rate')!.explanation!.steps[0]!.ja).toBe('助成率 3/10');
    expect(byKey.get('form4_1.grant')!.explanation!.steps.map((s) => s.ja)).toEqual(expect.arrayContaining(['円未満切り捨て', '上限 100,000,000円 以内（上限の適用なし）']));
    for (const r of rows) expect(r.explanation!.source.ja).toMatch(/^令和7年度 CLT建築実証事業 募集要領/);
  });

  it('says when a cap cut the grant (a ¥123bn line)', () => {
    const content = cltExampleApplicationContent();
    const lines = content.grant!.building!.lines.map((l, i) => (i === 0 ? { id: l.id, category: l.category, description: l.description, amount: 123_000_000_000 } : l));
    const big = { ...content, grant: { ...content.grant, building: { lines } } };
    const result = assessApplication('clt_demonstration', big, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result;
    expect(result!.grant.amount).toBe(100_000_000);
    const grant = grantFigures(applicationFormDocument({ content: big, result, definition: BUILTIN_PROGRAMMES.clt_demonstration })).find((r) => r.key === 'proposal.grant')!;
    expect(grant.explanation!.steps.map((s) => s.ja).join('\n')).toContain('上限「提案できる助成額（実証事業費と協議会運営費の合計）100,000,000円」100,000,000円 を適用');
  });
});
