import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLT_EXAMPLE_FACTS, CLT_FORM_4_1, CLT_FORM_4_2 } from '@tsumiki/domain/programmes';
import { afterAll, describe, expect, it } from 'vitest';
import { grantCompute } from './grant-compute';

const dir = mkdtempSync(join(tmpdir(), 'tsumiki-grant-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await grantCompute(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tsumiki grant compute', () => {
  it('prints the 様式4-1/4-2 worked example as JSON: 10,800,000 + 1,010,000 granted', async () => {
    const input = file('clt.json', JSON.stringify({ facts: CLT_EXAMPLE_FACTS, ...CLT_FORM_4_1, ...CLT_FORM_4_2 }));
    const { code, out } = await run(['clt_demonstration', input]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as { ok: boolean; grant: { amount: number; requested: number }; breakdown: { form4_1: { grant: number }; form4_2: { grant: number } } };
    expect(result.ok).toBe(true);
    expect(result.breakdown.form4_1.grant).toBe(10_800_000);
    expect(result.breakdown.form4_2.grant).toBe(1_010_000);
    expect(result.grant.requested).toBe(40_631_000);
  });

  it('names the line of bad input in Japanese, with exit code 1', async () => {
    const input = file('bad.json', JSON.stringify({ building: { lines: [{ id: 'b1', category: 'supplies', amount: -1 }] } }));
    const { code, out, err } = await run(['clt_demonstration', input]);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ ok: false, issues: [expect.objectContaining({ code: 'grant.amount_negative', path: 'building.lines.0.amount' })] });
    expect(err).toContain('building.lines.0.amount');
    expect(err).toMatch(/[ぁ-んァ-ン一-龯]/);
  });

  it('refuses an unknown programme, a file that is not JSON, and a missing argument', async () => {
    const input = file('ok.json', '{}');
    expect((await run(['nope', input])).code).toBe(1);
    expect((await run(['clt_demonstration', file('x.json', '{ not json')])).err).toContain('JSONとして読めません');
    expect((await run(['clt_demonstration'])).code).toBe(2);
  });
});
