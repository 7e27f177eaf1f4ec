import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './export';

describe('spreadsheet exports', () => {
  it.each(['=1+1', '+81 3', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://evil","x")'])(
    'neutralises the formula-like text %j',
    (text) => {
      expect(neutraliseCell(text)).toBe(`'${text}`);
    },
  );
  it('leaves ordinary text and numbers alone, negative numbers included', () => {
    expect(neutraliseCell('日本建設業連合会')).toBe('日本建設業連合会');
    expect(neutraliseCell(-7.7)).toBe(-7.7);
    expect(neutraliseCell(Number.NaN)).toBeNull();
    expect(neutraliseCell(undefined)).toBeNull();
  });
  it('writes CSV with a BOM, CRLF and quoting only where needed', () => {
    const csv = toCsv([
      ['名前', '値'],
      ['a,b', 1],
      ['say "hi"', null],
      ['=2*3', -1],
    ]);
    expect(csv).toBe('\uFEFF名前,値\r\n"a,b",1\r\n"say ""hi""",\r\n\'=2*3,-1\r\n');
  });
});
