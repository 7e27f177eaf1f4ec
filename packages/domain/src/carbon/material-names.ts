import { z } from 'zod';
import type { TEmissionFactor } from './factors';
import { materialClass, type TMaterialClass } from './ifc-import';
import { MATERIAL_ALIASES } from './material-aliases';

/**
 * From the name a BoQ gives a material to the library's material key. A name is compared after
 * folding (NFKC, so full-width letters and half-width kana become one form; hiragana as katakana;
 * case; spaces and punctuation dropped), first as the library's key, then as an organisation's own
 * remembered name, the library's names, the aliases people write, and the same with a grade taken
 * off (「異形棒鋼 SD345」). What matches none, or more than one material, is not refused: it goes
 * to a mapping step with the likeliest materials first, and the user's choice may be remembered
 * for the organisation.
 */

const HIRAGANA = /[\u3041-\u3096]/g;

/** The form names are compared in. */
export function foldMaterialName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

// Grades, strengths and thicknesses written after a material's name, taken off for a second look.
const GRADE =
  /(fc|呼び強度)\s*\d+(\.\d+)?(\s*n\/mm[2²])?|\d{2}-\d{1,2}(\.\d)?-\d{2}\s*[a-z]*|\b(sd|ss|sn|sm|bcr|bcp|stkr)\s*\d{3}[a-c]?|\d+(\.\d+)?\s*mm\b/gi;
const withoutGrade = (name: string) => foldMaterialName(name.normalize('NFKC').replace(GRADE, ' '));

/** An organisation's own name for a material, as remembered. */
export const ZRememberedName = z.object({
  name: z.string().trim().min(1, { message: 'carbon.material_name_required' }).max(200, { message: 'validation.invalid' }),
  materialKey: z.string().trim().min(1, { message: 'carbon.material_key_required' }).max(200, { message: 'validation.invalid' }),
});
export type TRememberedName = z.infer<typeof ZRememberedName>;

export type TMaterialMatchHow = 'exact' | 'alias' | 'remembered';

export interface TMaterialSuggestion {
  materialKey: string;
  nameJa: string;
  nameEn: string;
  /** The library has no citable value for it yet. */
  gap: boolean;
  /** 0–1, higher is likelier; 1 for a material the name is an alias of. */
  score: number;
}

export type TMaterialResolution =
  | { name: string; materialKey: string; how: TMaterialMatchHow }
  | { name: string; materialKey: null; suggestions: TMaterialSuggestion[] };

export interface TMaterialNameIndex {
  keys: ReadonlySet<string>;
  /** Folded name → material keys, by how it would match. */
  remembered: ReadonlyMap<string, string>;
  names: ReadonlyMap<string, ReadonlySet<string>>;
  aliases: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per material: its display names and every folded form it is known by (for suggestions). */
  materials: ReadonlyMap<string, { nameJa: string; nameEn: string; gap: boolean; category: string; forms: readonly string[] }>;
}

const add = (map: Map<string, Set<string>>, name: string, key: string) => {
  const folded = foldMaterialName(name);
  if (folded === '') return;
  const set = map.get(folded);
  if (set) set.add(key);
  else map.set(folded, new Set([key]));
};

/** The lookup for one library (and one organisation's remembered names); build once per paste. */
export function materialNameIndex(library: readonly TEmissionFactor[], remembered: readonly TRememberedName[] = []): TMaterialNameIndex {
  const keys = new Set<string>();
  const names = new Map<string, Set<string>>();
  const aliases = new Map<string, Set<string>>();
  const materials = new Map<string, { nameJa: string; nameEn: string; gap: boolean; category: string; forms: string[] }>();
  for (const f of library) {
    keys.add(f.materialKey);
    add(names, f.nameJa, f.materialKey);
    add(names, f.nameEn, f.materialKey);
    const m = materials.get(f.materialKey);
    // A material has a value once any of its factors has one; it is named by its first factor.
    if (m) m.gap &&= f.gap;
    else materials.set(f.materialKey, { nameJa: f.nameJa, nameEn: f.nameEn, gap: f.gap, category: f.productCategory, forms: [] });
  }
  for (const [key, list] of Object.entries(MATERIAL_ALIASES)) {
    if (!keys.has(key)) continue;
    for (const alias of list) add(aliases, alias, key);
  }
  for (const [key, m] of materials) {
    const forms = new Set([foldMaterialName(m.nameJa), foldMaterialName(m.nameEn), ...(MATERIAL_ALIASES[key] ?? []).map(foldMaterialName)]);
    for (const [folded, set] of names) if (set.has(key)) forms.add(folded);
    m.forms = [...forms].filter((s) => s !== '');
  }
  const rememberedMap = new Map<string, string>();
  for (const r of remembered) if (keys.has(r.materialKey)) rememberedMap.set(foldMaterialName(r.name), r.materialKey);
  return { keys, remembered: rememberedMap, names, aliases, materials };
}

const bigrams = (s: string): string[] => {
  if (s.length < 2) return [s];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
};

/** Dice's coefficient over character bigrams, raised when one name contains the other. */
export function nameSimilarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  const x = bigrams(a);
  const pool = new Map<string, number>();
  for (const g of bigrams(b)) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  const dice = (2 * common) / (x.length + Math.max(1, b.length - 1));
  const shorter = a.length <= b.length ? a : b;
  const contains = shorter.length >= 2 && (a.includes(b) || b.includes(a));
  return Math.min(0.99, contains ? Math.max(dice, 0.6 + 0.3 * (shorter.length / Math.max(a.length, b.length))) : dice);
}

export const MAX_SUGGESTIONS = 8;
const MIN_SCORE = 0.15;

/** The library's product categories a family of names belongs to (Dämmung, mineral wool → insulation). */
const FAMILY_CATEGORIES: Record<TMaterialClass, readonly string[]> = {
  concrete: ['concrete'],
  rebar: ['steel'],
  steel: ['steel'],
  timber: ['wood'],
  glass: ['glass'],
  insulation: ['insulation'],
  other: [],
};

/**
 * Materials likeliest first. Spelling alone misleads across languages (Mineralwolle looks more like
 * セラミックタイル's English name than like glass wool), so a name whose family the words tell
 * (German, English, Japanese: the IFC step's materialClass) ranks that family's materials above
 * every other, each still ordered by likeness.
 */
function suggestions(name: string, folded: string, index: TMaterialNameIndex, first: ReadonlySet<string>): TMaterialSuggestion[] {
  const out: TMaterialSuggestion[] = [];
  const family = FAMILY_CATEGORIES[materialClass(name)];
  for (const [key, m] of index.materials) {
    const likeness = Math.max(0, ...m.forms.map((f) => nameSimilarity(folded, f)));
    // The family's materials in the upper half, the others in the lower, each by likeness.
    const score = first.has(key) ? 1 : family.length === 0 ? likeness : family.includes(m.category) ? Math.min(0.99, 0.5 + likeness / 2) : likeness / 2;
    if (score >= MIN_SCORE) out.push({ materialKey: key, nameJa: m.nameJa, nameEn: m.nameEn, gap: m.gap, score: Math.round(score * 100) / 100 });
  }
  // Likeliest first; among equals, materials with a value before gaps, then by key for a stable order.
  out.sort((p, q) => q.score - p.score || Number(p.gap) - Number(q.gap) || p.materialKey.localeCompare(q.materialKey));
  return out.slice(0, MAX_SUGGESTIONS);
}

/** One name: matched (and how) or unmapped with ranked suggestions. */
export function resolveMaterialName(name: string, index: TMaterialNameIndex): TMaterialResolution {
  const typed = name.trim();
  if (index.keys.has(typed)) return { name, materialKey: typed, how: 'exact' };
  const folded = foldMaterialName(typed);
  const remembered = index.remembered.get(folded);
  if (remembered !== undefined) return { name, materialKey: remembered, how: 'remembered' };
  const ambiguous = new Set<string>();
  const stripped = withoutGrade(typed);
  const tries: [string, ReadonlyMap<string, ReadonlySet<string>>, TMaterialMatchHow][] = [
    [folded, index.names, 'exact'],
    [folded, index.aliases, 'alias'],
    [stripped, index.names, 'alias'],
    [stripped, index.aliases, 'alias'],
  ];
  for (const [form, map, how] of tries) {
    if (form === '') continue;
    const found = map.get(form);
    if (!found) continue;
    if (found.size === 1) return { name, materialKey: [...found][0]!, how };
    for (const k of found) ambiguous.add(k);
    break;
  }
  return { name, materialKey: null, suggestions: suggestions(typed, stripped || folded, index, ambiguous) };
}

/** Many names (a BoQ's), each distinct name worked out once; results in the order given. */
export function resolveMaterialNames(names: readonly string[], index: TMaterialNameIndex): TMaterialResolution[] {
  const seen = new Map<string, TMaterialResolution>();
  return names.map((name) => {
    let r = seen.get(name);
    if (!r) {
      r = resolveMaterialName(name, index);
      seen.set(name, r);
    }
    return r;
  });
}

export const isMapped = (r: TMaterialResolution): r is Extract<TMaterialResolution, { how: TMaterialMatchHow }> => r.materialKey !== null;
