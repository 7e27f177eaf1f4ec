import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deserialize, serialize, WireError } from './index';

/** What travels: the envelope written as JSON and read back, as the HTTP link does. */
const roundTrip = (value: unknown) => deserialize(JSON.parse(JSON.stringify(serialize(value))));

describe('the wire format', () => {
  it('brings Dates back as Dates, wherever they are', () => {
    const at = new Date('2026-12-24T15:00:00.000Z');
    const value = { a: at, list: [1, { when: at, none: null }, [at]], nested: { deeper: { at } }, text: '2026-12-24T15:00:00.000Z' };
    const back = roundTrip(value) as typeof value;
    expect(back).toEqual(value);
    expect(back.list[1]).toEqual({ when: at, none: null });
    expect((back.list[2] as Date[])[0]).toBeInstanceOf(Date);
    // A string that looks like a date stays a string.
    expect(typeof back.text).toBe('string');
  });

  it('carries a Date at the root, an invalid Date, and values without Dates unchanged', () => {
    expect(roundTrip(new Date(0))).toEqual(new Date(0));
    expect(Number.isNaN((roundTrip({ d: new Date(Number.NaN) }) as { d: Date }).d.getTime())).toBe(true);
    expect(serialize({ a: 1, b: ['x'] })).toEqual({ json: { a: 1, b: ['x'] } });
    expect(roundTrip(null)).toBeNull();
    expect(roundTrip('text')).toBe('text');
  });

  it('equals the value sent for any JSON value with Dates in it', () => {
    const date = fc.date({ noInvalidDate: true });
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), date);
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(fc.string().filter((k) => k !== '__proto__'), tie('node'))),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(roundTrip(v)).toEqual(v);
      }),
    );
  });

  it('refuses to send what JSON would change: a Map, a Set, a typed array, a class instance', () => {
    expect(() => serialize({ a: new Map() })).toThrow(WireError);
    expect(() => serialize([new Set([1])])).toThrow(/Set cannot be sent as JSON \(at 0\)/);
    expect(() => serialize({ bytes: new Uint8Array(2) })).toThrow(/Uint8Array.*at bytes/);
    class Money {
      yen = 1;
    }
    expect(() => serialize({ m: new Money() })).toThrow(WireError);
    expect(serialize(Object.assign(Object.create(null) as object, { a: 1 }))).toEqual({ json: { a: 1 } });
  });

  it('refuses a hostile envelope: paths to the prototype, paths that lead nowhere, non-strings turned into Dates', () => {
    expect(() => deserialize({ json: {}, dates: [['__proto__']] })).toThrow(WireError);
    expect(() => deserialize({ json: { a: {} }, dates: [['a', 'constructor']] })).toThrow(WireError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => deserialize({ json: { a: 1 }, dates: [['b']] })).toThrow(/leads nowhere/);
    expect(() => deserialize({ json: { a: 1 }, dates: [['a', 'b']] })).toThrow(/leads nowhere/);
    expect(() => deserialize({ json: { a: 5 }, dates: [['a']] })).toThrow(/date string/);
    expect(() => deserialize({ json: {}, dates: 'a' })).toThrow(WireError);
    expect(() => deserialize({ json: {}, dates: [[{}]] })).toThrow(WireError);
    expect(() => deserialize('plain')).toThrow(WireError);
  });
});
