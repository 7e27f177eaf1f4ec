import { z } from 'zod';
import { ZImportFile } from '../ccus/import';
import { FACTOR_IMPORT_MAX_ROWS, schemaIssues, type TFactorImport, type TFactorImportIssue, type TFactorImportRow } from './factor-import';
import { ZEmissionFactor, type TDataType, type TDeclaredModule } from './factors';
import { STARTER_LIBRARY } from './library';
import { conversionFactor, parseUnit, type TUnit } from './units';

/**
 * openEPD (the JSON format behind EC3, https://github.com/cchangelabs/openepd) read into the
 * factor library. One document or an array of them; each is checked on its own and its problems
 * name it (entry number and product name), and the API saves all entries or none.
 *
 * Fields read, as the openEPD model declares them (src/openepd/model/declaration.py, epd.py, lcia.py):
 * - `doctype`: "openEPD" (a manufacturer's EPD) or "openIndustryEpd" (an industry-wide one);
 *   "openGenericEstimate" is not an EPD and is refused.
 * - `id`, `product_name`, `manufacturer.name` (industry EPDs: `publishers[].name`),
 *   `program_operator.name`, `program_operator_doc_id`, `declaration_url`.
 * - `date_of_issue`, `valid_until` (date-times; the calendar date is kept). EC3's API names the
 *   latter `date_validity_ends`, and gives amounts as text ("1 m3"); both are read too.
 * - `declared_unit` {qty, unit}; `kg_per_declared_unit` {qty, unit}; `kg_C_biogenic_per_declared_unit`.
 * - `third_party_verifier` (an Org) or `third_party_verifier_name`: without either the document
 *   is not a verified EPD and ranks as an unreviewed CFP.
 * - `product_classes` ("io.cqd.ec3" / "EC3") or `ec3.category`: the product category.
 * - `impacts`: LCIA method → impact set → `gwp` → scope set {A1A2A3 | A1, A2, A3, A4, A5, C1…C4, D},
 *   each a measurement {mean, unit} per declared unit; unit kgCO2e.
 *
 * openEPD gives no key that says which material of a bill of quantities the EPD is for, so the
 * programme office chooses one per entry (`materialKeys`, by EPD id); an entry without one is refused.
 */

export const ZFactorImportFile = z.discriminatedUnion('format', [
  ...ZImportFile.options,
  z.object({ format: z.literal('openepd'), text: z.string().max(5_000_000, { message: 'request.too_large' }) }),
]);
export type TFactorImportFile = z.infer<typeof ZFactorImportFile>;

export interface TOpenEpdOptions {
  /** EPD id → the library material key BoQ lines use. */
  materialKeys?: Readonly<Record<string, string>>;
}

/** LCIA methods, preferred first: the GWP100 sets our assessments use, then the common others. */
export const OPENEPD_GWP_METHODS = ['IPCC AR6', 'IPCC AR5', 'EF 3.1', 'EF 3.0', 'TRACI 2.1', 'CML 2016', 'CML 2012'] as const;

/** Carbon to CO2 (44/12), the factor openEPD presumes for biogenic carbon in A1–A3. */
const CO2_PER_C = 44 / 12;
const SCOPES: readonly [string, TDeclaredModule][] = [
  ['A4', 'a4'],
  ['A5', 'a5'],
  ['C1', 'c1'],
  ['C2', 'c2'],
  ['C3', 'c3'],
  ['C4', 'c4'],
  ['D', 'd'],
];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const orgName = (v: unknown): string | undefined => (isObject(v) ? str(v.name) : undefined);
/** "2021-02-24T00:00:00Z" → "2021-02-24"; anything else as given, for the schema to refuse. */
const dateOf = (v: unknown): string | undefined => {
  const s = str(v);
  return s === undefined ? undefined : /^\d{4}-\d{2}-\d{2}(T|$)/.test(s) ? s.slice(0, 10) : s;
};

/** kg-CO2e per unit of the measurement's unit, or undefined when it is not a GWP unit. */
function kgCo2ePer(unit: unknown): number | undefined {
  const u = typeof unit === 'string' ? unit.normalize('NFKC').replace(/[\s-]/g, '').toLowerCase() : '';
  if (u === 'kgco2e' || u === 'kgco2eq') return 1;
  if (u === 'tco2e' || u === 'tco2eq') return 1000;
  if (u === 'gco2e' || u === 'gco2eq') return 0.001;
  return undefined;
}
/** An amount as openEPD writes it, {qty, unit}, or as EC3's API does, "1 m3" / "2400 kg". */
function amount(v: unknown): { qty: number | undefined; unit: string } | undefined {
  if (isObject(v)) return { qty: num(v.qty), unit: typeof v.unit === 'string' ? v.unit : '' };
  if (typeof v !== 'string') return undefined;
  const m = /^\s*([-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?)\s*(.*?)\s*$/i.exec(v.normalize('NFKC'));
  return m ? { qty: Number(m[1]), unit: m[2] ?? '' } : { qty: undefined, unit: v };
}

/** Mass in kg of an amount. */
function kilograms(v: unknown): number | undefined {
  const a = amount(v);
  if (!a) return undefined;
  const qty = a.qty;
  const unit = parseUnit(a.unit);
  if (qty === undefined || unit === null) return undefined;
  const c = conversionFactor(unit, 'kg');
  return c.ok ? qty * c.factor : undefined;
}

/** The GWP scope set: from the preferred LCIA method present, or a bare `impacts.gwp`. */
function gwpScopes(impacts: unknown): { method: string; scopes: Json } | undefined {
  if (!isObject(impacts)) return undefined;
  if (isObject(impacts.gwp)) return { method: '—', scopes: impacts.gwp };
  const methods = Object.keys(impacts);
  const ordered = [...OPENEPD_GWP_METHODS.filter((m) => methods.includes(m)), ...methods.filter((m) => !(OPENEPD_GWP_METHODS as readonly string[]).includes(m))];
  for (const method of ordered) {
    const set = impacts[method];
    if (isObject(set) && isObject(set.gwp)) return { method, scopes: set.gwp };
  }
  return undefined;
}

type Measure = { ok: true; value: number } | { ok: false; unit: string } | undefined;
function measure(scopes: Json, scope: string): Measure {
  const m = scopes[scope];
  if (!isObject(m)) return undefined;
  const mean = num(m.mean);
  if (mean === undefined) return undefined;
  const per = kgCo2ePer(m.unit);
  return per === undefined ? { ok: false, unit: String(m.unit) } : { ok: true, value: mean * per };
}

/** Checks every EPD of an openEPD file and maps each to a factor-library entry with its provenance. */
export function checkOpenEpdImport(text: string, options: TOpenEpdOptions = {}): TFactorImport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, fileIssues: [{ code: 'carbon.import_not_json', params: { detail: error instanceof Error ? error.message.slice(0, 200) : 'JSON' } }], rows: [] };
  }
  const docs = Array.isArray(parsed) ? parsed : [parsed];
  if (docs.length === 0) return { ok: false, fileIssues: [{ code: 'carbon.epd_empty', params: {} }], rows: [] };
  if (docs.length > FACTOR_IMPORT_MAX_ROWS)
    return { ok: false, fileIssues: [{ code: 'carbon.import_too_many_rows', params: { max: FACTOR_IMPORT_MAX_ROWS } }], rows: [] };

  const builtin = new Set(STARTER_LIBRARY.map((f) => f.id));
  const seen = new Map<string, number>();
  const rows = docs.map((doc, index) => {
    const row = openEpdEntry(doc, index + 1, options);
    if (row.id !== '' && builtin.has(row.id)) row.issues.push(entryIssue('carbon.factor_builtin_id', row, { id: row.id }));
    const first = seen.get(row.id);
    if (first !== undefined && row.id !== '') row.issues.push(entryIssue('carbon.factor_id_duplicate', row, { id: row.id, first }));
    else seen.set(row.id, row.line);
    if (row.issues.length > 0) row.factor = null;
    return row;
  });
  return { ok: rows.every((r) => r.issues.length === 0), fileIssues: [], rows };
}

type TEntryRow = TFactorImportRow & { label: string };
const entryIssue = (code: TFactorImportIssue['code'], row: { line: number; label: string }, params: Record<string, string | number> = {}, field?: string): TFactorImportIssue => ({
  code,
  params: { entry: row.line, name: row.label, row: row.line, ...params },
  ...(field !== undefined ? { field } : {}),
});

function openEpdEntry(doc: unknown, entry: number, options: TOpenEpdOptions): TEntryRow {
  const row: TEntryRow = { line: entry, id: '', materialKey: '', label: `#${entry}`, factor: null, issues: [] };
  if (!isObject(doc)) {
    row.issues.push(entryIssue('carbon.epd_not_object', row));
    return row;
  }
  const epdId = str(doc.id);
  row.label = str(doc.product_name) ?? str(doc.name) ?? epdId ?? `#${entry}`;
  row.id = epdId === undefined ? '' : `openepd.${epdId}`;
  const add = (code: TFactorImportIssue['code'], params: Record<string, string | number> = {}, field?: string) => row.issues.push(entryIssue(code, row, params, field));
  if (epdId === undefined) add('carbon.epd_id_required', {}, 'id');

  const doctype = str(doc.doctype) ?? 'openEPD';
  const kind = doctype.toLowerCase() === 'openepd' ? 'company' : doctype.toLowerCase() === 'openindustryepd' ? 'industry' : undefined;
  if (kind === undefined) add('carbon.epd_doctype_unsupported', { doctype }, 'doctype');

  const materialKey = epdId === undefined ? undefined : str(options.materialKeys?.[epdId]);
  row.materialKey = materialKey ?? '';
  if (materialKey === undefined) add('carbon.epd_material_key_required', {}, 'materialKey');

  // Declared unit: the factor is per one unit, so a declaration per 1,000 kg is divided by 1,000.
  const du = amount(doc.declared_unit);
  const duQty = du?.qty;
  const duUnitText = du?.unit ?? '';
  const duUnit: TUnit | null = parseUnit(duUnitText);
  if (!du || duQty === undefined || duQty <= 0) add('carbon.epd_declared_unit_required', {}, 'declared_unit');
  else if (duUnit === null) add('carbon.epd_unit_unknown', { unit: duUnitText }, 'declared_unit');
  const perUnit = duQty !== undefined && duQty > 0 ? 1 / duQty : 1;

  const gwp = gwpScopes(doc.impacts);
  let a1a3: number | undefined;
  const modules: Partial<Record<TDeclaredModule, number>> = {};
  if (!gwp) add('carbon.epd_gwp_missing', {}, 'impacts');
  else {
    const whole = measure(gwp.scopes, 'A1A2A3');
    const parts = ['A1', 'A2', 'A3'].map((s) => measure(gwp.scopes, s));
    const bad = [whole, ...parts].find((m) => m !== undefined && !m.ok);
    if (bad && !bad.ok) add('carbon.epd_gwp_unit', { unit: bad.unit }, 'impacts');
    else if (whole?.ok) a1a3 = whole.value * perUnit;
    else if (parts.every((p) => p?.ok)) a1a3 = parts.reduce((s, p) => s + (p?.ok ? p.value : 0), 0) * perUnit;
    else add('carbon.epd_gwp_missing', {}, 'impacts');
    for (const [scope, key] of SCOPES) {
      const m = measure(gwp.scopes, scope);
      if (m?.ok) modules[key] = m.value * perUnit;
    }
  }

  // Biogenic carbon: openEPD presumes it was counted as −44/12 kg-CO2e per kg C in A1–A3. We keep
  // storage apart and never net it, so it is added back to A1–A3 and recorded as storage.
  const kgC = kilograms(doc.kg_C_biogenic_per_declared_unit);
  const storage = kgC !== undefined && kgC > 0 ? -kgC * CO2_PER_C * perUnit : undefined;
  const a1a3Gross = a1a3 !== undefined && storage !== undefined ? a1a3 - storage : a1a3;

  // Mass per declared unit gives the physical property the engine converts units with.
  const kgPerDu = kilograms(doc.kg_per_declared_unit);
  const mass = kgPerDu !== undefined && duUnit !== null && kgPerDu > 0 ? kgPerDu * perUnit : undefined;
  const physical: Record<string, number> = {};
  if (mass !== undefined && duUnit !== null) {
    const volume = conversionFactor(duUnit, 'm3');
    if (volume.ok) physical.density = mass / volume.factor;
    else if (duUnit === 'piece') physical.kgPerPiece = mass;
    else if (duUnit === 'm') physical.kgPerMetre = mass;
  }

  const verified = orgName(doc.third_party_verifier) ?? str(doc.third_party_verifier_name);
  const dataType: TDataType = verified === undefined ? 'cfp_unreviewed' : kind === 'industry' ? 'epd_industry' : 'epd_company';
  const classes = isObject(doc.product_classes) ? doc.product_classes : {};
  const category = str(classes['io.cqd.ec3']) ?? str(classes.EC3) ?? (isObject(doc.ec3) ? str(doc.ec3.category) : undefined);
  const publishers = Array.isArray(doc.publishers) ? doc.publishers.map(orgName).filter(Boolean) : [];
  const operator = orgName(doc.program_operator);
  const owner = orgName(doc.manufacturer) ?? publishers[0] ?? operator ?? '—';
  const operatorDocId = str(doc.program_operator_doc_id);
  const source = [
    `openEPD ${doctype}${epdId ? ` ${epdId}` : ''}`,
    operator && `${operator}${operatorDocId ? ` ${operatorDocId}` : ''}`,
    str(doc.declaration_url),
  ]
    .filter(Boolean)
    .join('; ');
  const notes = [
    gwp && gwp.method !== '—' ? `GWP: ${gwp.method}` : undefined,
    verified ? `Third-party verifier: ${verified}` : 'No third-party verifier declared: ranked as an unreviewed CFP.',
    storage !== undefined && a1a3 !== undefined
      ? `A1–A3 declared ${round(a1a3)} with biogenic carbon counted; storage ${round(storage)} kept apart and added back.`
      : undefined,
    duQty !== undefined && duQty !== 1 ? `Declared per ${duQty} ${duUnitText}; values divided to one ${duUnitText}.` : undefined,
  ].filter(Boolean);

  const raw = {
    id: row.id,
    materialKey: row.materialKey,
    nameJa: row.label,
    nameEn: row.label,
    productCategory: category ?? 'epd',
    declaredUnit: duUnit ?? duUnitText,
    a1a3: a1a3Gross ?? null,
    ...(Object.keys(modules).length > 0 ? { modules } : {}),
    dataType,
    owner,
    source,
    publishedOn: dateOf(doc.date_of_issue),
    validUntil: dateOf(doc.valid_until ?? doc.date_validity_ends),
    ...(storage !== undefined ? { biogenicStorage: storage } : {}),
    ...physical,
    gap: false,
    notes: notes.join(' '),
  };
  if (row.issues.length > 0) return row;
  const parsedFactor = ZEmissionFactor.safeParse(raw);
  if (parsedFactor.success) row.factor = parsedFactor.data;
  else row.issues.push(...schemaIssues(parsedFactor.error, raw, { entry, name: row.label, row: entry }));
  return row;
}

const round = (v: number) => Math.round(v * 1000) / 1000;
