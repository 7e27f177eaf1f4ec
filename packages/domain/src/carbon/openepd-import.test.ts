import { describe, expect, it } from 'vitest';
import { checkOpenEpdImport } from './openepd-import';

/** Shaped like the openEPD model's own example (src/openepd/model/examples/epd.py), with our numbers. */
const epd = (over: Record<string, unknown> = {}) => ({
  id: 'EC3TEST1',
  doctype: 'openEPD',
  product_name: '普通コンクリート 24-18-20',
  date_of_issue: '2024-04-01T00:00:00Z',
  valid_until: '2029-03-31T00:00:00Z',
  declared_unit: { qty: 1, unit: 'm3' },
  kg_per_declared_unit: { qty: 2300, unit: 'kg' },
  manufacturer: { name: 'Example Concrete Co.' },
  program_operator: { name: 'SuMPO' },
  program_operator_doc_id: 'JR-EX-001',
  third_party_verifier: { name: 'Verifier Inc.' },
  product_classes: { 'io.cqd.ec3': 'Concrete >> ReadyMix' },
  impacts: {
    'TRACI 2.1': { gwp: { A1A2A3: { mean: 999, unit: 'kgCO2e' } } },
    'IPCC AR5': { gwp: { A1A2A3: { mean: 300, unit: 'kgCO2e' }, A4: { mean: 6, unit: 'kgCO2e' }, C1: { mean: 2, unit: 'kgCO2e' } } },
  },
  ...over,
});
const keys = { EC3TEST1: 'concrete.ready_mixed', EC3TEST2: 'concrete.ready_mixed' };

describe('openEPD import', () => {
  it('maps one verified company EPD to a factor with its provenance', () => {
    const out = checkOpenEpdImport(JSON.stringify(epd()), { materialKeys: keys });
    expect(out.ok).toBe(true);
    const f = out.rows[0]!.factor!;
    expect(f).toMatchObject({
      id: 'openepd.EC3TEST1',
      materialKey: 'concrete.ready_mixed',
      nameJa: '普通コンクリート 24-18-20',
      productCategory: 'Concrete >> ReadyMix',
      declaredUnit: 'm3',
      a1a3: 300, // IPCC AR5 preferred over TRACI
      modules: { a4: 6, c1: 2 },
      dataType: 'epd_company',
      owner: 'Example Concrete Co.',
      publishedOn: '2024-04-01',
      validUntil: '2029-03-31',
      density: 2300,
    });
    expect(f.source).toContain('SuMPO JR-EX-001');
    expect(f.notes).toContain('GWP: IPCC AR5');
  });

  it('takes an array; an industry EPD ranks as industry data; an unverified one as an unreviewed CFP', () => {
    const out = checkOpenEpdImport(
      JSON.stringify([epd({ doctype: 'openIndustryEpd', manufacturer: undefined, publishers: [{ name: '業界団体' }] }), epd({ id: 'EC3TEST2', third_party_verifier: undefined })]),
      { materialKeys: keys },
    );
    expect(out.ok).toBe(true);
    expect(out.rows.map((r) => r.factor?.dataType)).toEqual(['epd_industry', 'cfp_unreviewed']);
    expect(out.rows[0]!.factor!.owner).toBe('業界団体');
  });

  it('divides by the declared quantity and sums A1, A2, A3 when A1A2A3 is absent; tonnes of CO2e to kg', () => {
    const out = checkOpenEpdImport(
      JSON.stringify(epd({ declared_unit: { qty: 1000, unit: 'kg' }, kg_per_declared_unit: undefined, impacts: { 'IPCC AR6': { gwp: { A1: { mean: 1, unit: 'tCO2e' }, A2: { mean: 0.1, unit: 'tCO2e' }, A3: { mean: 0.3, unit: 'tCO2e' } } } } })),
      { materialKeys: keys },
    );
    expect(out.rows[0]!.factor!.declaredUnit).toBe('kg');
    expect(out.rows[0]!.factor!.a1a3).toBeCloseTo(1.4, 10);
  });

  it('reads EC3 API spellings: amounts as text and date_validity_ends', () => {
    const out = checkOpenEpdImport(
      JSON.stringify(epd({ declared_unit: '1 m3', kg_per_declared_unit: '2400 kg', valid_until: undefined, date_validity_ends: '2030-06-30T00:00:00Z' })),
      { materialKeys: keys },
    );
    expect(out.rows[0]!.factor).toMatchObject({ declaredUnit: 'm3', density: 2400, validUntil: '2030-06-30' });
  });

  it('keeps biogenic storage apart: the carbon openEPD presumes counted in A1–A3 is added back', () => {
    const out = checkOpenEpdImport(
      JSON.stringify(epd({ kg_C_biogenic_per_declared_unit: { qty: 3, unit: 'kg' }, impacts: { 'IPCC AR5': { gwp: { A1A2A3: { mean: -1, unit: 'kgCO2e' } } } } })),
      { materialKeys: keys },
    );
    const f = out.rows[0]!.factor!;
    expect(f.biogenicStorage).toBeCloseTo(-11, 10);
    expect(f.a1a3).toBeCloseTo(10, 10);
  });

  it('names each bad entry and refuses the file as a whole', () => {
    const out = checkOpenEpdImport(
      JSON.stringify([
        epd(),
        epd({ id: 'EC3TEST2', product_name: '鉄筋', declared_unit: { qty: 1, unit: 'furlong' } }),
        epd({ id: 'X3', product_name: 'ガラス', impacts: { 'IPCC AR5': { odp: {} } } }),
        epd({ id: 'X4', doctype: 'openGenericEstimate' }),
        epd({ id: 'EC3TEST1' }),
      ]),
      { materialKeys: keys },
    );
    expect(out.ok).toBe(false);
    expect(out.rows[0]!.issues).toEqual([]);
    expect(out.rows[1]!.issues.map((i) => i.code)).toEqual(['carbon.epd_unit_unknown']);
    expect(out.rows[1]!.issues[0]!.params).toMatchObject({ entry: 2, name: '鉄筋', unit: 'furlong' });
    expect(out.rows[2]!.issues.map((i) => i.code)).toEqual(['carbon.epd_material_key_required', 'carbon.epd_gwp_missing']);
    expect(out.rows[3]!.issues.map((i) => i.code)).toContain('carbon.epd_doctype_unsupported');
    expect(out.rows[4]!.issues.map((i) => i.code)).toEqual(['carbon.factor_id_duplicate']);
    expect(out.rows.filter((r) => r.factor !== null)).toHaveLength(1);
  });

  it('refuses a negative A1–A3, a wrong GWP unit, a missing issue date, and files that are not JSON or empty', () => {
    const bad = checkOpenEpdImport(
      JSON.stringify([
        epd({ impacts: { 'IPCC AR5': { gwp: { A1A2A3: { mean: -5, unit: 'kgCO2e' } } } } }),
        epd({ id: 'EC3TEST2', impacts: { 'IPCC AR5': { gwp: { A1A2A3: { mean: 5, unit: 'kgSO2e' } } } } }),
      ]),
      { materialKeys: keys },
    );
    expect(bad.rows[0]!.issues.map((i) => i.code)).toEqual(['carbon.factor_negative']);
    expect(bad.rows[1]!.issues.map((i) => i.code)).toEqual(['carbon.epd_gwp_unit']);
    const undated = checkOpenEpdImport(JSON.stringify(epd({ date_of_issue: undefined })), { materialKeys: keys });
    expect(undated.rows[0]!.issues.map((i) => i.code)).toEqual(['carbon.date_invalid']);
    expect(checkOpenEpdImport('{oops').fileIssues[0]!.code).toBe('carbon.import_not_json');
    expect(checkOpenEpdImport('[]').fileIssues[0]!.code).toBe('carbon.epd_empty');
  });
});
