import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { subItem, type TCategoryCode } from './categories';
import type { TBoqLineInput } from './model';

/**
 * A building model (IFC) as bills of quantities. The reader (web-ifc, in the API) turns the file
 * into the typed model below: each building element with the materials associated with it (a
 * single material, a layer set with each layer's thickness, constituents with their fractions, a
 * list) and every quantity of its quantity sets. This file decides, without I/O, which quantity
 * stands for the element, how it is shared among its materials, and under which J-CAT work
 * category the material goes; elements it cannot use are listed with the reason, never dropped
 * silently, so the user sees what the lines do not contain before anything is saved.
 */

/** The largest model the import reads: a detached house is a few MB, a mid-rise office some tens. */
export const IFC_MAX_BYTES = 20 * 1024 * 1024;
/** Building elements read from one file; past this the file is refused, naming the limit. */
export const IFC_MAX_ELEMENTS = 200_000;

/** An IFC file as uploaded: base64, since a model may carry UTF-8 beside its STEP ASCII. */
export const ZIfcFile = z.object({
  format: z.literal('ifc'),
  base64: z
    .string()
    .max(Math.ceil((IFC_MAX_BYTES * 4) / 3) + 4, { message: 'request.too_large' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'attachment.not_base64' }),
});
export type TIfcFile = z.infer<typeof ZIfcFile>;

/**
 * A material's name as the user should see it: ARCHICAD appends its internal building-material
 * number ("Leichtbeton 102890359"), which names nothing outside that one model.
 */
export const ifcMaterialName = (raw: string): string => raw.normalize('NFC').trim().replace(/\s+\d{5,}$/, '');

export const IFC_QUANTITY_KINDS = ['volume', 'area', 'length', 'count', 'weight'] as const;
export const ZIfcQuantity = z.object({
  /** The quantity set's name: BaseQuantities, Qto_WallBaseQuantities, or the exporter's own. */
  set: z.string().max(200),
  name: z.string().max(200),
  kind: z.enum(IFC_QUANTITY_KINDS),
  /** In SI base units (m³, m², m, kg): the reader has applied the model's unit prefixes. */
  value: z.number().finite(),
});
export type TIfcQuantity = z.infer<typeof ZIfcQuantity>;

export const IFC_MATERIAL_SOURCES = ['single', 'layers', 'constituents', 'list', 'profiles', 'none'] as const;
export const ZIfcElement = z.object({
  /** The element's GlobalId. */
  id: z.string().max(64),
  /** The IFC class as the schema spells it (IfcWall, IfcSlab …). */
  ifcType: z.string().max(64),
  name: z.string().max(500).optional(),
  predefinedType: z.string().max(64).optional(),
  /** Pset_*Common IsExternal / LoadBearing, when the model says. */
  external: z.boolean().optional(),
  loadBearing: z.boolean().optional(),
  materialSource: z.enum(IFC_MATERIAL_SOURCES),
  materials: z.array(
    z.object({
      name: z.string().max(500),
      /** Layer thickness in metres (layer sets). */
      thicknessM: z.number().finite().nonnegative().optional(),
      /** Share of the element (constituent sets that give one). */
      fraction: z.number().finite().min(0).max(1).optional(),
    }),
  ),
  quantities: z.array(ZIfcQuantity),
  /** Area from the element's own overall width × height (doors, windows), when it has them. */
  dimensionsAreaM2: z.number().finite().nonnegative().optional(),
});
export type TIfcElement = z.infer<typeof ZIfcElement>;

export const ZIfcModel = z.object({
  /** IFC2X3, IFC4 … */
  schema: z.string().max(32),
  application: z.string().max(200).optional(),
  elements: z.array(ZIfcElement),
  /** Elements of classes the import does not take (spaces, openings, furniture …), by class. */
  otherElements: z.record(z.string(), z.number().int().nonnegative()),
});
export type TIfcModel = z.infer<typeof ZIfcModel>;

/** The standard quantity sets: IFC's base quantities (IFC4 Qto_*BaseQuantities, ARCHICAD's and IFC2x3's "BaseQuantities"). */
const isStandardSet = (set: string) => set === 'BaseQuantities' || /^Qto_.*BaseQuantities$/.test(set);

/** Standard quantity names, best first: the net volume is what is built. */
const STANDARD_VOLUME = ['NetVolume', 'GrossVolume'];
const STANDARD_AREA = ['NetArea', 'NetSideArea', 'GrossArea', 'GrossSideArea', 'Area'];
/**
 * The exporters' own names for an element's volume and area, compared case-blind after trimming:
 * ARCHICAD's German and English, Revit's. Opening and conditional volumes are not the element's.
 */
const EXPORTER_VOLUME = ['netto-volumen', 'net volume', 'volumen', 'volume', 'brutto-volumen der wand', 'bruttovolumen der decke', 'bruttovolumen des dachs', 'gross volume'];
const EXPORTER_AREA = ['nettofläche', 'net area', 'fläche', 'area', 'gross area'];

/** Classes whose BoQ quantity is an area (their volume is the opening's, not the product's). */
const AREA_CLASSES = new Set(['IfcDoor', 'IfcWindow', 'IfcCovering', 'IfcCurtainWall']);

export type TIfcQuantitySource = 'standard' | 'exporter' | 'dimensions';
export interface TIfcChosenQuantity {
  unit: 'm3' | 'm2';
  value: number;
  source: TIfcQuantitySource;
  name: string;
}

function pick(element: TIfcElement, kind: 'volume' | 'area', standard: readonly string[], exporter: readonly string[]): TIfcChosenQuantity | undefined {
  const unit = kind === 'volume' ? 'm3' : 'm2';
  const usable = element.quantities.filter((q) => q.kind === kind && q.value > 0);
  for (const name of standard) {
    const q = usable.find((x) => isStandardSet(x.set) && x.name === name);
    if (q) return { unit, value: q.value, source: 'standard', name: q.name };
  }
  for (const name of exporter) {
    const q = usable.find((x) => !isStandardSet(x.set) && x.name.trim().toLowerCase() === name);
    if (q) return { unit, value: q.value, source: 'exporter', name: q.name };
  }
  return undefined;
}

/**
 * The quantity that stands for the element: its volume (standard, then the exporter's), or for
 * doors, windows and coverings its area (standard, exporter's, then overall width × height).
 */
export function chooseIfcQuantity(element: TIfcElement): TIfcChosenQuantity | undefined {
  if (AREA_CLASSES.has(element.ifcType)) {
    const area = pick(element, 'area', STANDARD_AREA, EXPORTER_AREA);
    if (area) return area;
    if (element.dimensionsAreaM2 !== undefined && element.dimensionsAreaM2 > 0)
      return { unit: 'm2', value: element.dimensionsAreaM2, source: 'dimensions', name: 'OverallWidth×OverallHeight' };
    return undefined;
  }
  return pick(element, 'volume', STANDARD_VOLUME, EXPORTER_VOLUME);
}

export type TMaterialClass = 'concrete' | 'steel' | 'rebar' | 'timber' | 'glass' | 'insulation' | 'other';

/**
 * A material's class guessed from its name in the languages exporters write (German, English,
 * Japanese): enough to put a line under a work category; which factor applies is the mapping
 * step's. Reinforced concrete (Stahlbeton) is concrete, so concrete is tested before steel; wools
 * and foams (Mineralwolle, Glaswolle, XPS) are insulation whatever they are made of.
 */
export function materialClass(name: string): TMaterialClass {
  const n = name.normalize('NFKC').toLowerCase();
  if (/beton|concrete|コンクリート|生コン/.test(n)) return 'concrete';
  if (/bewehrung|betonstahl|rebar|reinforc|鉄筋|異形棒鋼/.test(n)) return 'rebar';
  // Before glass and steel: Glaswolle is insulation, not glass.
  if (/dämm|daemm|insulat|断熱|wolle|wool|ウール|styropor|styrodur|polystyr|ポリスチレン|ウレタン|\b(eps|xps|pur|pir)\b/.test(n)) return 'insulation';
  if (/stahl|steel|鋼|鉄骨/.test(n)) return 'steel';
  if (/holz|timber|wood|lumber|木|集成材|clt|lvl|合板|brettsperr/.test(n)) return 'timber';
  if (/glas|ガラス/.test(n)) return 'glass';
  return 'other';
}

const STRUCTURE_ITEM: Record<TMaterialClass, string> = {
  concrete: '3.1',
  steel: '3.3',
  rebar: '3.4',
  timber: '3.5',
  glass: '3.9',
  insulation: '4.4',
  other: '3.9',
};

const COVERING_ITEM: Record<string, { external: string; internal: string }> = {
  ROOFING: { external: '4.1', internal: '4.1' },
  CLADDING: { external: '4.2', internal: '5.2' },
  FLOORING: { external: '4.9', internal: '5.1' },
  CEILING: { external: '4.9', internal: '5.4' },
  INSULATION: { external: '4.4', internal: '5.5' },
};

/**
 * The J-CAT sub-item (工事細目) a material of an element goes under. Foundations are 2.2; doors and
 * windows are openings, external unless the model says internal; coverings by their type; a wall
 * the model marks as neither load-bearing nor external is an internal wall; the rest of the
 * structure by material (concrete 3.1, steel 3.3, timber 3.5, other 3.9).
 */
export function ifcSubItem(element: TIfcElement, material: string): string {
  const t = element.ifcType;
  const cls = materialClass(material);
  if (t === 'IfcFooting' || t === 'IfcPile') return '2.2';
  if (t === 'IfcDoor' || t === 'IfcWindow') return element.external === false ? '5.3' : '4.3';
  if (t === 'IfcCurtainWall') return '4.2';
  if (t === 'IfcRailing') return element.external === false ? '5.9' : '4.9';
  if (t === 'IfcCovering') {
    const items = COVERING_ITEM[element.predefinedType ?? ''];
    if (items) return element.external === false ? items.internal : items.external;
    return element.external === false ? '5.9' : '4.9';
  }
  if ((t === 'IfcWall' || t === 'IfcWallStandardCase') && element.loadBearing === false && element.external === false) return '5.2';
  if (cls === 'insulation') return element.external === false ? '5.5' : '4.4';
  return STRUCTURE_ITEM[cls];
}

export const IFC_SKIP_REASONS = ['no_quantity', 'no_material', 'material_ambiguous'] as const;
export type TIfcSkipReason = (typeof IFC_SKIP_REASONS)[number];

export interface TIfcSkipped {
  id: string;
  ifcType: string;
  name?: string;
  reason: TIfcSkipReason;
}

export interface TIfcLineSource {
  lineId: string;
  /** The material's name in the model. */
  materialName: string;
  elements: number;
  /** How many of those elements' quantities came from each source. */
  sources: Record<TIfcQuantitySource, number>;
  /** The element classes that contributed, with counts. */
  classes: Record<string, number>;
}

export interface TIfcImport {
  /** BoQ lines ready for the grid (materialKey is the library key where known, else the model's name). */
  lines: TBoqLineInput[];
  /** Where each line's quantity came from, by line id. */
  sources: TIfcLineSource[];
  summary: {
    schema: string;
    application?: string;
    elementsRead: number;
    elementsUsed: number;
    skipped: TIfcSkipped[];
    skippedByReason: Record<TIfcSkipReason, number>;
    /** Elements of classes not taken (spaces, openings …), by class. */
    otherElements: Record<string, number>;
    /** Model material names no library entry matched: the mapping step's work. */
    unmappedMaterials: string[];
  };
}

export interface TIfcImportOptions {
  /** A library material key for a model material name, when one is known (by name or alias). */
  materialKeyOf?: (name: string) => string | undefined;
  /** Line ids are this prefix and a number. */
  idPrefix?: string;
}

/** Each material of the element with its share; undefined when the shares cannot be told. */
function materialShares(element: TIfcElement): { name: string; share: number }[] | undefined {
  const named = element.materials.map((m) => ({ ...m, name: ifcMaterialName(m.name) })).filter((m) => m.name !== '');
  if (named.length === 0) return [];
  if (new Set(named.map((m) => m.name)).size === 1) return [{ name: named[0]!.name, share: 1 }];
  if (element.materialSource === 'layers') {
    const total = named.reduce((s, m) => s + (m.thicknessM ?? 0), 0);
    if (total <= 0 || named.some((m) => m.thicknessM === undefined)) return undefined;
    return named.map((m) => ({ name: m.name, share: m.thicknessM! / total }));
  }
  if (element.materialSource === 'constituents' && named.every((m) => m.fraction !== undefined)) {
    const total = named.reduce((s, m) => s + m.fraction!, 0);
    if (total <= 0) return undefined;
    return named.map((m) => ({ name: m.name, share: m.fraction! / total }));
  }
  // A list (or constituents without fractions) says which materials, not how much of each.
  return undefined;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

interface Group {
  category: TCategoryCode;
  subItem: string;
  materialName: string;
  unit: 'm3' | 'm2';
  quantity: number;
  elements: Set<string>;
  sources: Record<TIfcQuantitySource, number>;
  classes: Record<string, number>;
}

/**
 * The model's elements grouped into BoQ lines by material, work category and unit, with a
 * summary of what was read and what was skipped and why. Nothing here is saved: the portal shows
 * the summary, then the lines go into the grid (and unknown materials to the mapping step).
 */
export function groupIfcElements(model: TIfcModel, options: TIfcImportOptions = {}): TIfcImport {
  const groups = new Map<string, Group>();
  const skipped: TIfcSkipped[] = [];
  const skip = (e: TIfcElement, reason: TIfcSkipReason) =>
    skipped.push({ id: e.id, ifcType: e.ifcType, ...(e.name ? { name: e.name } : {}), reason });
  let used = 0;
  for (const element of model.elements) {
    const shares = materialShares(element);
    if (shares === undefined) {
      skip(element, 'material_ambiguous');
      continue;
    }
    if (shares.length === 0) {
      skip(element, 'no_material');
      continue;
    }
    const quantity = chooseIfcQuantity(element);
    if (!quantity) {
      skip(element, 'no_quantity');
      continue;
    }
    used += 1;
    for (const { name, share } of shares) {
      const code = ifcSubItem(element, name);
      const category = subItem(code)!.category;
      const key = `${code}\u0000${name}\u0000${quantity.unit}`;
      let group = groups.get(key);
      if (!group) {
        group = { category, subItem: code, materialName: name, unit: quantity.unit, quantity: 0, elements: new Set(), sources: { standard: 0, exporter: 0, dimensions: 0 }, classes: {} };
        groups.set(key, group);
      }
      group.quantity += quantity.value * share;
      if (!group.elements.has(element.id)) {
        group.elements.add(element.id);
        group.sources[quantity.source] += 1;
        group.classes[element.ifcType] = (group.classes[element.ifcType] ?? 0) + 1;
      }
    }
  }
  const ordered = [...groups.values()].sort((a, b) => a.subItem.localeCompare(b.subItem) || a.materialName.localeCompare(b.materialName) || a.unit.localeCompare(b.unit));
  const prefix = options.idPrefix ?? 'IFC';
  const unmapped = new Set<string>();
  const lines: TBoqLineInput[] = [];
  const sources: TIfcLineSource[] = [];
  ordered.forEach((g, i) => {
    const id = `${prefix}${i + 1}`;
    const known = options.materialKeyOf?.(g.materialName);
    if (known === undefined) unmapped.add(g.materialName);
    lines.push({ id, category: g.category, subItem: g.subItem, materialKey: known ?? g.materialName, quantity: round3(g.quantity), unit: g.unit, label: g.materialName });
    sources.push({ lineId: id, materialName: g.materialName, elements: g.elements.size, sources: g.sources, classes: g.classes });
  });
  const skippedByReason = Object.fromEntries(IFC_SKIP_REASONS.map((r) => [r, skipped.filter((s) => s.reason === r).length])) as Record<TIfcSkipReason, number>;
  return {
    lines,
    sources,
    summary: {
      schema: model.schema,
      ...(model.application ? { application: model.application } : {}),
      elementsRead: model.elements.length,
      elementsUsed: used,
      skipped,
      skippedByReason,
      otherElements: model.otherElements,
      unmappedMaterials: [...unmapped].sort(),
    },
  };
}

/** Materials whose factors are declared per m³ (timber, concrete, insulation): given by area they need a thickness. */
const PER_VOLUME_CLASSES: ReadonlySet<TMaterialClass> = new Set(['timber', 'concrete', 'insulation']);

/**
 * Whether an IFC line is an area of a material assessed per m³ (a timber window or cladding given
 * in m²): without a thickness its factor cannot apply, so the IFC step asks for one.
 */
export const ifcLineNeedsThickness = (line: Pick<TBoqLineInput, 'unit'>, materialName: string): boolean =>
  line.unit === 'm2' && PER_VOLUME_CLASSES.has(materialClass(materialName));

/** The thickness a user may give an area line, in millimetres: more than nothing, at most a metre. */
export const IFC_THICKNESS_MAX_MM = 1000;
export const ZIfcThicknessMm = z
  .number({ error: 'carbon.ifc_thickness_invalid' })
  .finite({ error: 'carbon.ifc_thickness_invalid' })
  .positive({ error: 'carbon.ifc_thickness_invalid' })
  .max(IFC_THICKNESS_MAX_MM, { error: 'carbon.ifc_thickness_invalid' });

/** A thickness as typed (全角 digits, "24 mm", "24mm"): the millimetres, or the problem's code. */
export function parseIfcThickness(text: string): { ok: true; mm: number } | { ok: false; code: ErrorCode } {
  const t = text.normalize('NFKC').trim().replace(/\s*mm$/i, '');
  const parsed = ZIfcThicknessMm.safeParse(t === '' ? Number.NaN : Number(t));
  return parsed.success ? { ok: true, mm: parsed.data } : { ok: false, code: 'carbon.ifc_thickness_invalid' };
}

/** An area line made a volume: area × thickness in m³, the thickness kept in the line's label. */
export function withIfcThickness(line: TBoqLineInput, thicknessMm: number): TBoqLineInput {
  const mm = ZIfcThicknessMm.parse(thicknessMm);
  if (line.unit !== 'm2') return line;
  const label = `${line.label ?? String(line.materialKey)}（厚さ${mm}mm）`;
  return { ...line, quantity: round3((line.quantity * mm) / 1000), unit: 'm3', label };
}

/** IFC classes by the names a designer uses, for the summary (the class names are the schema's, not the user's). */
export const IFC_CLASS_NAMES: Record<string, { ja: string; en: string }> = {
  IfcWall: { ja: '壁', en: 'wall' },
  IfcWallStandardCase: { ja: '壁', en: 'wall' },
  IfcWallElementedCase: { ja: '壁', en: 'wall' },
  IfcSlab: { ja: '床・屋根スラブ', en: 'slab' },
  IfcSlabStandardCase: { ja: '床・屋根スラブ', en: 'slab' },
  IfcSlabElementedCase: { ja: '床・屋根スラブ', en: 'slab' },
  IfcBeam: { ja: '梁', en: 'beam' },
  IfcBeamStandardCase: { ja: '梁', en: 'beam' },
  IfcColumn: { ja: '柱', en: 'column' },
  IfcColumnStandardCase: { ja: '柱', en: 'column' },
  IfcMember: { ja: '部材（垂木・間柱など）', en: 'member (rafters, studs …)' },
  IfcMemberStandardCase: { ja: '部材（垂木・間柱など）', en: 'member (rafters, studs …)' },
  IfcPlate: { ja: '板', en: 'plate' },
  IfcPlateStandardCase: { ja: '板', en: 'plate' },
  IfcStair: { ja: '階段', en: 'stair' },
  IfcStairFlight: { ja: '階段', en: 'stair flight' },
  IfcRamp: { ja: 'スロープ', en: 'ramp' },
  IfcRampFlight: { ja: 'スロープ', en: 'ramp flight' },
  IfcRoof: { ja: '屋根', en: 'roof' },
  IfcDoor: { ja: 'ドア', en: 'door' },
  IfcWindow: { ja: '窓', en: 'window' },
  IfcCovering: { ja: '仕上げ', en: 'covering' },
  IfcRailing: { ja: '手すり', en: 'railing' },
  IfcFooting: { ja: '基礎', en: 'footing' },
  IfcPile: { ja: '杭', en: 'pile' },
  IfcCurtainWall: { ja: 'カーテンウォール', en: 'curtain wall' },
  IfcChimney: { ja: '煙突', en: 'chimney' },
  IfcBuildingElementProxy: { ja: 'その他の部材', en: 'other element' },
  IfcSpace: { ja: '室', en: 'space' },
  IfcOpeningElement: { ja: '開口', en: 'opening' },
  IfcFurnishingElement: { ja: '家具', en: 'furniture' },
  IfcFlowTerminal: { ja: '設備機器', en: 'building services terminal' },
  IfcFlowSegment: { ja: '配管・ダクト', en: 'pipe or duct' },
  IfcFlowFitting: { ja: '配管・ダクト継手', en: 'pipe or duct fitting' },
  IfcDistributionElement: { ja: '設備', en: 'building services' },
};
export const ifcClassName = (ifcType: string, lang: 'ja' | 'en'): string => IFC_CLASS_NAMES[ifcType]?.[lang] ?? (lang === 'ja' ? 'その他の部材' : 'other element');
