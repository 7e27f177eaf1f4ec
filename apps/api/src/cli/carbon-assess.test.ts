import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { carbonAssess } from './carbon-assess';

const dir = mkdtempSync(join(tmpdir(), 'tsumiki-carbon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await carbonAssess(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// A CLT office of 1,200 m²: three lines of the wood table (seeds/002), assessed on 2026-04-01.
const GOOD_CSV = `プロジェクト名,木造事務所A
用途,事務所
構造,CLT造
延床面積（m²）,"1,200"
算定日,2026-04-01
算定法,詳細

工事科目,工事細目,資材,数量,単位,原単位ID,名称
3 躯体,3.5 木材,wood.clt,100,m3,,床・壁CLT
3,木材,JAS構造用集成材（小断面）,20,m3,,柱・梁
3,3.5,wood.sawn_jas,5,m3,jp.rinya.sawn_jas,間柱
`;

describe('tsumiki carbon assess', () => {
  it('assesses a CSV in the J-CAT-like layout and prints the result JSON', async () => {
    const { code, out } = await run([file('good.csv', GOOD_CSV)]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { format: string; result: { modules: Record<string, number>; grossFloorAreaM2: number; evaluationPeriod: { years: number } } };
    expect(json.format).toBe('tsumiki-carbon-result');
    expect(json.result.modules['A1-A3']).toBe(100 * 252 + 20 * 108 + 5 * 80);
    expect(json.result.grossFloorAreaM2).toBe(1200);
    expect(json.result.evaluationPeriod.years).toBe(60);
  });

  it('prints a per-module table with --table', async () => {
    const { code, out } = await run([file('good.csv', GOOD_CSV), '--table']);
    expect(code).toBe(0);
    expect(out).toMatch(/A1-A3 資材製造\s+27,760\s+23\.1\s+0\.39/);
    expect(out).toContain('3 躯体');
    expect(out).toContain('炭素貯蔵量');
  });

  it('names the file line of each bad row, in Japanese (or English), and exits 1', async () => {
    const bad = GOOD_CSV.replace('wood.sawn_jas,5,m3', 'wood.sawn_jas,-5,m3').replace('wood.clt,100,m3', 'wood.clt,100,bushel');
    const ja = await run([file('bad.csv', bad)]);
    expect(ja.code).toBe(1);
    expect(ja.err).toContain('bad.csv:9: 単位「bushel」は使えません');
    expect(ja.err).toContain('bad.csv:11: 明細「L11」（11行目）の数量がマイナスです。');
    expect(JSON.parse(ja.out)).toMatchObject({ ok: false, issues: [{ code: 'carbon.unit_unknown', row: 9 }, { code: 'carbon.quantity_negative', row: 11, line: 'L11' }] });
    const en = await run([file('bad.csv', bad), '--lang', 'en']);
    expect(en.err).toContain('Line “L11” (row 11): the quantity is negative.');
  });

  it('refuses a missing floor area and a material without a factor, naming the line; --allow-incomplete marks the result incomplete', async () => {
    const noArea = await run([file('noarea.csv', GOOD_CSV.replace('延床面積（m²）,"1,200"\n', ''))]);
    expect(noArea.code).toBe(1);
    expect(noArea.err).toContain('延床面積（m²）を0より大きい数値で入力してください。');
    const rebar = `${GOOD_CSV}3,3.3,steel.section,30,t,,H形鋼\n`;
    const gap = await run([file('gap.csv', rebar)]);
    expect(gap.code).toBe(1);
    expect(gap.err).toContain('gap.csv:12: 明細「L12」（12行目）の資材「鉄骨（形鋼・鋼板）」には、まだ使える原単位がありません。');
    const partial = await run([file('gap.csv', rebar), '--allow-incomplete']);
    expect(partial.code).toBe(0);
    expect(JSON.parse(partial.out)).toMatchObject({ result: { complete: false } });
  });

  it('takes the engine input as JSON, with the same messages', async () => {
    const input = {
      project: { name: 'JSON', building: { use: 'office', structure: 'W', grossFloorAreaM2: 100 } },
      assessmentDate: '2026-04-01',
      method: 'detailed',
      evaluationPeriodYears: 0,
      boq: [{ id: 'A', category: '3', subItem: '3.5', materialKey: 'wood.clt', quantity: 2, unit: 'm3' }],
    };
    const zero = await run([file('in.json', JSON.stringify(input))]);
    expect(zero.code).toBe(1);
    expect(zero.err).toContain('評価期間は1年以上にしてください。');
    const ok = await run([file('in.json', JSON.stringify({ ...input, evaluationPeriodYears: 30 }))]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ result: { modules: { 'A1-A3': 504 } } });
  });

  it('is a usage error (exit 2) without a file, with an unknown format or unreadable JSON', async () => {
    expect((await run([])).code).toBe(2);
    const txt = await run([file('x.txt', 'x')]);
    expect(txt).toMatchObject({ code: 2, err: expect.stringContaining('.json、.csv、.xlsx のいずれか') });
    expect((await run([file('x.json', '{')])).err).toContain('JSONとして読み取れませんでした');
  });

  it('is registered in the tsumiki command (pnpm tsumiki carbon assess)', { timeout: 60_000 }, async () => {
    const cli = new URL('../cli.ts', import.meta.url).pathname;
    // One node with tsx's loader (`tsx cli.ts` would start a second node to run it), resolved from the package.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, 'carbon', 'assess', file('good.csv', GOOD_CSV), '--table'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, DATABASE_URL: '' },
    });
    expect(stdout).toContain('A1-A3 資材製造');
  });
});
