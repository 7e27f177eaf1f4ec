import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBoqSheet, unmappedMaterials } from './boq-import';
import { STARTER_LIBRARY } from './library';
import { MATERIAL_ALIASES } from './material-aliases';
import { foldMaterialName, materialNameIndex, nameSimilarity, resolveMaterialName, resolveMaterialNames } from './material-names';

const index = materialNameIndex(STARTER_LIBRARY);
const keyOf = (name: string) => resolveMaterialName(name, index).materialKey;

describe('Japanese material names', () => {
  it('reads the designer’s BoQ names as the library’s materials', () => {
    expect(keyOf('CLT')).toBe('wood.clt');
    expect(keyOf('直交集成板')).toBe('wood.clt');
    expect(keyOf('生コンクリート')).toBe('concrete.ready_mixed');
    expect(keyOf('生コン')).toBe('concrete.ready_mixed');
    expect(keyOf('レディーミクストコンクリート')).toBe('concrete.ready_mixed');
    expect(keyOf('普通コンクリート Fc30')).toBe('concrete.ready_mixed');
    expect(keyOf('Fc24')).toBe('concrete.ready_mixed');
    expect(keyOf('異形棒鋼')).toBe('steel.rebar');
    expect(keyOf('異形棒鋼 SD345')).toBe('steel.rebar');
    expect(keyOf('SD345')).toBe('steel.rebar');
    expect(keyOf('鉄筋')).toBe('steel.rebar');
    expect(keyOf('H形鋼')).toBe('steel.section');
    expect(keyOf('鉄骨')).toBe('steel.section');
    expect(keyOf('板ガラス')).toBe('glass.float');
    expect(keyOf('複層ガラス')).toBe('glass.float');
    expect(keyOf('製材')).toBe('wood.sawn_jas');
    expect(keyOf('合板')).toBe('wood.plywood_structural');
    expect(keyOf('高炉セメント')).toBe('cement.blast_furnace_b');
    expect(keyOf('セメント')).toBe('cement.opc');
  });

  it('says how each name matched: the key, the library’s own name, an alias', () => {
    expect(resolveMaterialName('wood.clt', index)).toEqual({ name: 'wood.clt', materialKey: 'wood.clt', how: 'exact' });
    expect(resolveMaterialName('直交集成板（CLT）', index)).toMatchObject({ materialKey: 'wood.clt', how: 'exact' });
    expect(resolveMaterialName('直交集成板', index)).toMatchObject({ materialKey: 'wood.clt', how: 'alias' });
  });

  it('folds width, case, kana, spaces and punctuation', () => {
    expect(foldMaterialName('ＣＬＴ')).toBe('clt');
    expect(foldMaterialName('ｶﾞﾗｽ')).toBe('ガラス');
    expect(foldMaterialName('せっこう ボード')).toBe('セッコウボード');
    expect(foldMaterialName(' H-形鋼・(SS400) ')).toBe('h形鋼ss400');
    expect(keyOf('ｈ形鋼')).toBe('steel.section');
    expect(keyOf('せっこうボード')).toBe('board.gypsum');
    expect(keyOf('セッコウボード')).toBe('board.gypsum');
    expect(keyOf('ｲｹｲﾎﾞｳｺｳ')).toBe(null);
  });

  it('asks about a name that means more than one material, those materials first', () => {
    const r = resolveMaterialName('集成材', index);
    expect(r.materialKey).toBe(null);
    if (r.materialKey !== null) return;
    expect(r.suggestions.slice(0, 2).map((s) => [s.materialKey, s.score])).toEqual([
      ['wood.glulam_medium', 1],
      ['wood.glulam_small', 1],
    ]);
  });

  it('ranks suggestions for an unknown name by likeness, gaps marked', () => {
    const r = resolveMaterialName('杉 構造用集成材 E65-F225', index);
    expect(r.materialKey).toBe(null);
    if (r.materialKey !== null) return;
    expect(r.suggestions[0]!.materialKey).toMatch(/^wood\.glulam_/);
    const glass = resolveMaterialName('Low-E複層硝子', index);
    if (glass.materialKey !== null) throw new Error('matched');
    expect(glass.suggestions.map((s) => s.materialKey)).toContain('glass.float');
    expect(glass.suggestions.find((s) => s.materialKey === 'glass.float')!.gap).toBe(true);
    const none = resolveMaterialName('zzzz', index);
    expect(none).toEqual({ name: 'zzzz', materialKey: null, suggestions: [] });
  });

  it('uses the organisation’s remembered names before the aliases, and ignores ones for materials gone from the library', () => {
    const own = materialNameIndex(STARTER_LIBRARY, [
      { name: '集成材', materialKey: 'wood.glulam_medium' },
      { name: 'ＲＣ打設', materialKey: 'concrete.ready_mixed' },
      { name: '古い名前', materialKey: 'no.such_material' },
    ]);
    expect(resolveMaterialName('集成材', own)).toMatchObject({ materialKey: 'wood.glulam_medium', how: 'remembered' });
    expect(resolveMaterialName('rc 打設', own)).toMatchObject({ materialKey: 'concrete.ready_mixed', how: 'remembered' });
    expect(resolveMaterialName('古い名前', own).materialKey).toBe(null);
  });

  it('names only materials of the library in its aliases', () => {
    const keys = new Set(STARTER_LIBRARY.map((f) => f.materialKey));
    expect(Object.keys(MATERIAL_ALIASES).filter((k) => !keys.has(k))).toEqual([]);
    expect([...keys].filter((k) => !MATERIAL_ALIASES[k])).toEqual([]);
  });

  it('resolves a BoQ’s names once each, in order', () => {
    const out = resolveMaterialNames(['CLT', '集成材', 'CLT'], index);
    expect(out.map((r) => r.materialKey)).toEqual(['wood.clt', null, 'wood.clt']);
    expect(out[0]).toBe(out[2]);
  });

  it('properties: folding is idempotent, blind to width and case; every alias finds its material or asks', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const f = foldMaterialName(s);
        expect(foldMaterialName(f)).toBe(f);
        expect(foldMaterialName(s.toUpperCase())).toBe(foldMaterialName(s.toLowerCase()));
      }),
    );
    const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const aliases = Object.entries(MATERIAL_ALIASES).flatMap(([key, list]) => list.map((alias) => ({ key, alias })));
    fc.assert(
      fc.property(fc.constantFrom(...aliases), fc.boolean(), fc.constantFrom('', ' ', '　'), ({ key, alias }, wide, pad) => {
        const r = resolveMaterialName(`${pad}${wide ? toFullWidth(alias) : alias}${pad}`, index);
        if (r.materialKey !== null) expect(r.materialKey).toBe(key);
        else expect(r.suggestions.filter((s) => s.score === 1).map((s) => s.materialKey)).toContain(key);
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const x = nameSimilarity(a, b);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('a Japanese BoQ pasted', () => {
  it('is taken whole: known names matched, the rest kept as typed for the mapping step', () => {
    const rows = [
      ['3', '3.5', 'CLT', '120', 'm3'],
      ['3', '3.5', '集成材', '40', 'm3'],
      ['3', '3.1', '生コンクリート', '300', 'm3'],
      ['3', '3.4', '異形棒鋼', '25', 't'],
      ['3', '3.3', 'H形鋼', '10', 't'],
      ['4', '4.3', '板ガラス', '500', 'm2'],
    ];
    const sheet = parseBoqSheet(rows, { library: STARTER_LIBRARY });
    expect(sheet.ok).toBe(true);
    expect(sheet.rows.map((r) => [r.materialName, r.values.materialKey, r.material && 'how' in r.material ? r.material.how : null])).toEqual([
      ['CLT', 'wood.clt', 'alias'],
      ['集成材', '集成材', null],
      ['生コンクリート', 'concrete.ready_mixed', 'alias'],
      ['異形棒鋼', 'steel.rebar', 'alias'],
      ['H形鋼', 'steel.section', 'alias'],
      ['板ガラス', 'glass.float', 'alias'],
    ]);
    expect(unmappedMaterials(sheet.rows).map((m) => m.name)).toEqual(['集成材']);
    const remembered = parseBoqSheet(rows, { library: STARTER_LIBRARY, remembered: [{ name: '集成材', materialKey: 'wood.glulam_medium' }] });
    expect(remembered.rows[1]!.values.materialKey).toBe('wood.glulam_medium');
    expect(unmappedMaterials(remembered.rows)).toEqual([]);
  });

  it('offers insulation first for a German or English insulation name, not what it looks like in spelling', () => {
    const index = materialNameIndex(STARTER_LIBRARY);
    const first = (name: string) => {
      const r = resolveMaterialName(name, index);
      return r.materialKey === null ? r.suggestions.slice(0, 3).map((s) => s.materialKey) : [r.materialKey];
    };
    expect(first('Mineralwolle')[0]).toBe('insulation.glass_wool');
    for (const name of ['Mineralwolle', 'mineral wool', 'Wärmedämmung', 'Steinwolle 040', 'EPS-Dämmplatte'])
      expect(first(name).every((key) => key.startsWith('insulation.')), name).toBe(true);
    expect(first('Glaswolle')).toEqual(['insulation.glass_wool']);
    // A concrete name still finds concrete first, and a name no family claims keeps plain likeness.
    expect(first('Stahlbeton')[0]).toMatch(/^concrete\./);
    expect(first('Gips')).not.toContain('insulation.glass_wool');
  });
});
