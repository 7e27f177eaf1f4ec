import { describe, expect, it } from 'vitest';
import { assess } from './engine';
import { effectiveA1a3, ZEmissionFactor } from './factors';
import { STARTER_LIBRARY } from './library';
import type { TAssessmentInputRaw } from './model';
import { DOCUMENTED_GAPS, REFERENCE_FACTORS, STANDARD_MIX } from './reference-factors';

const byMaterial = (key: string) => {
  const f = STARTER_LIBRARY.find((x) => x.materialKey === key && !x.gap);
  if (!f) throw new Error(`no factor for ${key}`);
  return f;
};

describe('generic factors for the main non-wood materials', () => {
  it('builds ready-mixed concrete from the stated mix × the JIS Q 13315-4 component factors + plant and delivery', () => {
    const f = byMaterial('concrete.ready_mixed');
    // 318 kg cement × 0.78 + 830 × 0.0037 + 960 × 0.0029 + 3.18 × 0.15 + 10 (JCI 2025).
    expect(STANDARD_MIX.cementKg).toBe(318);
    const expected = 318 * 0.78 + 830 * 0.0037 + 960 * 0.0029 + 3.18 * 0.15 + 10;
    expect(f.a1a3).toBeCloseTo(expected, 2);
    expect(f.derivation).toHaveLength(5);
    expect(f.derivation!.map((s) => s.source).join(' ')).toContain('JIS Q 13315-4');
    expect(f.derivation![4]!.source).toContain('生コンクリート工場における二酸化炭素排出量の実態について');
    // Uplifted ×1.3: the raw materials' transport to the plant is missing (completeness).
    expect(f.uplift?.factor).toBe(1.3);
    expect(effectiveA1a3(f)).toBeCloseTo(expected * 1.3, 2);
    // The contractor's 274 kg/m³ is a cross-check, named in the notes, not the value.
    expect(f.notes).toContain('274');
    expect(f.a1a3).not.toBe(274);
    expect(f.density).toBeCloseTo(175 + 318 + 830 + 960 + 3.18, 6);
  });

  it('blast-furnace concrete differs only in the cement', () => {
    const opc = byMaterial('concrete.ready_mixed');
    const bb = byMaterial('concrete.blast_furnace_b');
    expect(opc.a1a3! - bb.a1a3!).toBeCloseTo(318 * (0.78 - 0.46), 2);
  });

  it.each([
    ['cement.opc', 769, 1.1, 't'],
    ['cement.blast_furnace_b', 460, 1.1, 't'],
    ['steel.rebar', 1210, 1.1, 't'],
    ['steel.section_eaf', 400, 1.3, 't'],
    ['aluminium.primary', 15.1, 1.1, 'kg'],
    ['aluminium.recycled', 0.3, 1.3, 'kg'],
  ] as const)('%s: %d per declared unit, uplift ×%d, in %s', (key, value, uplift, unit) => {
    const f = byMaterial(key);
    expect(f.a1a3).toBe(value);
    expect(f.uplift?.factor).toBe(uplift);
    expect(f.declaredUnit).toBe(unit);
    expect(f.dataType).toBe('generic');
    expect(f.uplift!.basis).toMatch(/完全性|代表性/);
  });

  it('every generic factor has a derivation that adds up, and sources by title only', () => {
    expect(REFERENCE_FACTORS.length).toBe(8);
    for (const raw of REFERENCE_FACTORS) {
      const f = ZEmissionFactor.parse(raw);
      const sum = f.derivation!.reduce((t, s) => t + s.kgCo2e, 0);
      expect(sum).toBeCloseTo(f.a1a3!, 9);
      // No file names or line numbers where a user reads the source.
      expect(f.source).not.toMatch(/seeds\/|l\.\d|\.txt|\.md/);
      for (const s of f.derivation!) expect(s.source).not.toMatch(/seeds\/|l\.\d/);
    }
  });

  it('refuses a generic factor without its uplift, or whose derivation does not add up', () => {
    const f = REFERENCE_FACTORS[0]!;
    expect(ZEmissionFactor.safeParse({ ...f, uplift: undefined }).error?.issues[0]?.message).toBe(
      'carbon.generic_needs_uplift',
    );
    expect(ZEmissionFactor.safeParse({ ...f, a1a3: (f.a1a3 ?? 0) + 1 }).error?.issues[0]?.message).toBe(
      'carbon.derivation_mismatch',
    );
  });

  it('keeps steel sections, glass and gypsum board as gaps, each with the reason and the way forward', () => {
    for (const key of Object.keys(DOCUMENTED_GAPS)) {
      const entries = STARTER_LIBRARY.filter((f) => f.materialKey === key);
      expect(entries.every((f) => f.gap), key).toBe(true);
      expect(entries[0]!.gapReason).toContain(DOCUMENTED_GAPS[key]!.ja);
      expect(entries[0]!.gapReason).toContain('出典を添えて');
    }
  });
});

describe('an RC building with the generic factors', () => {
  const input = (extra: Partial<TAssessmentInputRaw> = {}): TAssessmentInputRaw => ({
    project: {
      name: 'RC',
      building: { use: 'office', structure: 'RC', grossFloorAreaM2: 1000, storeysAboveGround: 3 },
    },
    assessmentDate: '2026-12-04',
    method: 'standard',
    boq: [
      { id: 'C1', category: '3', subItem: '3.1', materialKey: 'concrete.ready_mixed', quantity: 300, unit: 'm3' },
      { id: 'R1', category: '3', subItem: '3.4', materialKey: 'steel.rebar', quantity: 25, unit: 't' },
    ],
    ...extra,
  });

  it('is assessed with every line on a generic factor, flagged with its uplift', () => {
    const out = assess(input());
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    const r = out.result;
    const concrete = byMaterial('concrete.ready_mixed');
    expect(r.modules['A1-A3']).toBeCloseTo(300 * effectiveA1a3(concrete)! + 25 * 1210 * 1.1, 6);
    expect(r.complete).toBe(true);
    expect(r.dataQuality.a1a3ByDataType.generic.share).toBe(1);
    expect(r.dataQuality.factorsUsed.map((f) => [f.materialKey, f.derivation !== null, f.userEntered])).toEqual([
      ['concrete.ready_mixed', true, false],
      ['steel.rebar', true, false],
    ]);
    expect(r.warnings.filter((w) => w.code === 'carbon.warn_generic_factor').map((w) => w.params.uplift)).toEqual([1.3, 1.1]);
    expect(r.dataQuality.userEnteredLines.count).toBe(0);
  });

  it('says which lines rest on a factor the user entered', () => {
    const out = assess(
      input({
        boq: [
          { id: 'C1', category: '3', subItem: '3.1', materialKey: 'concrete.ready_mixed', quantity: 300, unit: 'm3' },
          { id: 'S1', category: '3', subItem: '3.3', materialKey: 'steel.section', quantity: 10, unit: 't', factorId: 'user.h' },
        ],
        factors: [
          {
            id: 'user.h',
            materialKey: 'steel.section',
            nameJa: 'H形鋼（メーカーEPD）',
            nameEn: 'H-section (maker EPD)',
            productCategory: 'steel',
            declaredUnit: 't',
            a1a3: 900,
            dataType: 'epd_company',
            owner: '利用者',
            source: 'メーカーのEPD（利用者入力）',
            publishedOn: '2025-01-01',
          },
        ],
      }),
    );
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    expect(out.result.dataQuality.userEnteredLines).toEqual({ count: 1, lineIds: ['S1'], factorIds: ['user.h'] });
    expect(out.result.warnings.find((w) => w.code === 'carbon.warn_user_entered_factors')?.params).toMatchObject({
      count: 1,
      factors: 'H形鋼（メーカーEPD）',
    });
  });
});
