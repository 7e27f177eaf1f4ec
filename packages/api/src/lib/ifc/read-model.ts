/**
 * An IFC file (STEP text) read with web-ifc into the domain's typed model: building elements, the
 * materials associated with each (directly or through its type), its quantity sets and the
 * IsExternal / LoadBearing of its common property set. Runs inside the IFC worker thread.
 *
 * web-ifc is loaded through require: its Node build is CommonJS, and its wasm file is found beside
 * the package's entry (SetWasmPath), which holds from source, under vitest and in the compiled API,
 * where node_modules packages stay external.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type * as WebIfc from 'web-ifc';
import type { TIfcElement, TIfcModel, TIfcQuantity } from '@tsumiki/domain/carbon';

const require = createRequire(import.meta.url);
type TWebIfc = typeof WebIfc;
type Api = InstanceType<TWebIfc['IfcAPI']>;

/** Raised for a file that is not a model we can read; the worker posts back its catalogue code. */
export class IfcRefusal extends Error {
  constructor(
    readonly code: 'carbon.ifc_unreadable' | 'carbon.ifc_too_many_elements',
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'IfcRefusal';
  }
}

/** The classes read as building elements (IFC2x3 and IFC4 names; a class a schema lacks is passed over). */
const ELEMENT_CLASSES = [
  'IFCWALL', 'IFCWALLSTANDARDCASE', 'IFCWALLELEMENTEDCASE', 'IFCSLAB', 'IFCSLABSTANDARDCASE', 'IFCSLABELEMENTEDCASE', 'IFCBEAM',
  'IFCBEAMSTANDARDCASE', 'IFCCOLUMN', 'IFCCOLUMNSTANDARDCASE', 'IFCMEMBER', 'IFCMEMBERSTANDARDCASE', 'IFCPLATE', 'IFCPLATESTANDARDCASE',
  'IFCSTAIR', 'IFCSTAIRFLIGHT', 'IFCRAMP', 'IFCRAMPFLIGHT', 'IFCROOF', 'IFCDOOR', 'IFCWINDOW', 'IFCCOVERING', 'IFCRAILING',
  'IFCFOOTING', 'IFCPILE', 'IFCCURTAINWALL', 'IFCCHIMNEY', 'IFCBUILDINGELEMENTPROXY',
] as const;
/** Classes counted in the summary but not taken: they hold no construction material of their own. */
const OTHER_CLASSES = ['IFCSPACE', 'IFCOPENINGELEMENT', 'IFCFURNISHINGELEMENT', 'IFCFLOWTERMINAL', 'IFCFLOWSEGMENT', 'IFCFLOWFITTING', 'IFCDISTRIBUTIONELEMENT'] as const;

/** IfcSIPrefix → factor. */
const PREFIX: Record<string, number> = { EXA: 1e18, PETA: 1e15, TERA: 1e12, GIGA: 1e9, MEGA: 1e6, KILO: 1e3, HECTO: 1e2, DECA: 1e1, DECI: 1e-1, CENTI: 1e-2, MILLI: 1e-3, MICRO: 1e-6, NANO: 1e-9 };

interface Scales {
  length: number;
  area: number;
  volume: number;
  mass: number;
}

/* web-ifc returns untyped entity objects; these helpers read their attributes defensively. */
type Entity = Record<string, unknown> & { expressID: number; type: number };
const value = (attr: unknown): unknown => (attr && typeof attr === 'object' && 'value' in attr ? (attr).value : attr);
const text = (attr: unknown): string | undefined => {
  const v = value(attr);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};
const num = (attr: unknown): number | undefined => {
  const v = value(attr);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};
const refs = (attr: unknown): number[] => (Array.isArray(attr) ? attr.map((h) => num(h)).filter((n): n is number => n !== undefined) : []);

function unitScales(api: Api, W: TWebIfc, model: number): Scales {
  const scales: Scales = { length: 1, area: 1, volume: 1, mass: 1 };
  const projects = api.GetLineIDsWithType(model, W.IFCPROJECT);
  if (projects.size() === 0) return scales;
  const project = api.GetLine(model, projects.get(0), true) as Entity;
  const units = (project.UnitsInContext as Entity | null)?.Units;
  for (const unit of Array.isArray(units) ? (units as Entity[]) : []) {
    const kind = text(unit.UnitType);
    const siScale = (u: Entity) => (PREFIX[text(u.Prefix) ?? ''] ?? 1) * (text(u.Name) === 'GRAM' ? 1e-3 : 1);
    let scale: number | undefined;
    if (text(unit.Name) !== undefined && unit.ConversionFactor === undefined) {
      const base = siScale(unit);
      scale = kind === 'AREAUNIT' ? base ** 2 : kind === 'VOLUMEUNIT' ? base ** 3 : base;
    } else if (unit.ConversionFactor) {
      // Feet, inches, cubic yards: the conversion factor is in the SI unit it names.
      const factor = unit.ConversionFactor as Entity;
      const measure = num(factor.ValueComponent);
      const si = factor.UnitComponent as Entity | undefined;
      if (measure !== undefined && si) {
        const base = siScale(si);
        scale = measure * (kind === 'AREAUNIT' ? base ** 2 : kind === 'VOLUMEUNIT' ? base ** 3 : base);
      }
    }
    if (scale === undefined) continue;
    if (kind === 'LENGTHUNIT') scales.length = scale;
    else if (kind === 'AREAUNIT') scales.area = scale;
    else if (kind === 'VOLUMEUNIT') scales.volume = scale;
    else if (kind === 'MASSUNIT') scales.mass = scale;
  }
  return scales;
}

/** A material definition (IfcMaterial, layer set (usage), constituent set, profile set (usage), list) as named parts. */
function materialParts(api: Api, W: TWebIfc, model: number, id: number, scales: Scales): Pick<TIfcElement, 'materials' | 'materialSource'> {
  const m = api.GetLine(model, id, true) as Entity;
  const name = (e: unknown) => text((e as Entity | null)?.Name) ?? '';
  switch (m.type) {
    case W.IFCMATERIAL:
      return { materialSource: 'single', materials: [{ name: name(m) }] };
    case W.IFCMATERIALLAYER:
      return { materialSource: 'single', materials: [{ name: name(m.Material) }] };
    case W.IFCMATERIALLAYERSETUSAGE:
    case W.IFCMATERIALLAYERSET: {
      const set = (m.type === W.IFCMATERIALLAYERSETUSAGE ? m.ForLayerSet : m) as Entity;
      const layers = Array.isArray(set.MaterialLayers) ? (set.MaterialLayers as Entity[]) : [];
      return {
        materialSource: 'layers',
        materials: layers.map((l) => {
          const t = num(l.LayerThickness);
          return { name: name(l.Material), ...(t !== undefined ? { thicknessM: Math.abs(t) * scales.length } : {}) };
        }),
      };
    }
    case W.IFCMATERIALCONSTITUENTSET: {
      const parts = Array.isArray(m.MaterialConstituents) ? (m.MaterialConstituents as Entity[]) : [];
      return {
        materialSource: 'constituents',
        materials: parts.map((c) => {
          const f = num(c.Fraction);
          return { name: name(c.Material), ...(f !== undefined && f >= 0 && f <= 1 ? { fraction: f } : {}) };
        }),
      };
    }
    case W.IFCMATERIALPROFILESETUSAGE:
    case W.IFCMATERIALPROFILESET: {
      const set = (m.type === W.IFCMATERIALPROFILESETUSAGE ? m.ForProfileSet : m) as Entity;
      const profiles = Array.isArray(set.MaterialProfiles) ? (set.MaterialProfiles as Entity[]) : [];
      return { materialSource: 'profiles', materials: profiles.map((p) => ({ name: name(p.Material) })) };
    }
    case W.IFCMATERIALLIST:
      return { materialSource: 'list', materials: (Array.isArray(m.Materials) ? (m.Materials as Entity[]) : []).map((x) => ({ name: name(x) })) };
    default:
      return { materialSource: 'none', materials: [] };
  }
}

const QUANTITY_READERS: readonly { type: keyof TWebIfc; kind: TIfcQuantity['kind']; attr: string; scale: keyof Scales | null }[] = [
  { type: 'IFCQUANTITYVOLUME', kind: 'volume', attr: 'VolumeValue', scale: 'volume' },
  { type: 'IFCQUANTITYAREA', kind: 'area', attr: 'AreaValue', scale: 'area' },
  { type: 'IFCQUANTITYLENGTH', kind: 'length', attr: 'LengthValue', scale: 'length' },
  { type: 'IFCQUANTITYCOUNT', kind: 'count', attr: 'CountValue', scale: null },
  { type: 'IFCQUANTITYWEIGHT', kind: 'weight', attr: 'WeightValue', scale: 'mass' },
];

function quantitiesOf(api: Api, W: TWebIfc, model: number, set: Entity, scales: Scales): TIfcQuantity[] {
  const setName = text(set.Name) ?? '';
  const out: TIfcQuantity[] = [];
  for (const id of refs(set.Quantities)) {
    const q = api.GetLine(model, id) as Entity;
    const reader = QUANTITY_READERS.find((r) => W[r.type] === q.type);
    const v = reader ? num(q[reader.attr]) : undefined;
    const qName = text(q.Name);
    if (!reader || v === undefined || qName === undefined) continue;
    out.push({ set: setName, name: qName, kind: reader.kind, value: v * (reader.scale ? scales[reader.scale] : 1) });
  }
  return out;
}

interface Draft extends TIfcElement {
  expressId: number;
}

function idsOf(api: Api, model: number, type: number | undefined): number[] {
  if (typeof type !== 'number') return [];
  const vector = api.GetLineIDsWithType(model, type);
  const out: number[] = [];
  for (let i = 0; i < vector.size(); i++) out.push(vector.get(i));
  return out;
}

/** The building elements of an open model with their materials, quantities and common properties. */
function readElements(api: Api, W: TWebIfc, model: number, scales: Scales, maxElements: number): Map<number, Draft> {
  const elements = new Map<number, Draft>();
  for (const cls of ELEMENT_CLASSES) {
    for (const id of idsOf(api, model, W[cls])) {
      if (elements.size >= maxElements) throw new IfcRefusal('carbon.ifc_too_many_elements', { limit: maxElements, found: `${maxElements}+` });
      const e = api.GetLine(model, id) as Entity;
      const width = num(e.OverallWidth);
      const height = num(e.OverallHeight);
      const predefined = text(e.PredefinedType);
      elements.set(id, {
        expressId: id,
        id: text(e.GlobalId) ?? `#${id}`,
        ifcType: api.GetNameFromTypeCode(e.type),
        ...(text(e.Name) ? { name: text(e.Name)! } : {}),
        ...(predefined && predefined !== 'NOTDEFINED' && predefined !== 'USERDEFINED' ? { predefinedType: predefined } : {}),
        materialSource: 'none',
        materials: [],
        quantities: [],
        ...(width !== undefined && height !== undefined ? { dimensionsAreaM2: Math.abs(width * height) * scales.length ** 2 } : {}),
      });
    }
  }
  // Materials: on the element, or else on its type (IfcWallType …).
  const byObject = new Map<number, Pick<TIfcElement, 'materials' | 'materialSource'>>();
  const materialCache = new Map<number, Pick<TIfcElement, 'materials' | 'materialSource'>>();
  for (const relId of idsOf(api, model, W.IFCRELASSOCIATESMATERIAL)) {
    const rel = api.GetLine(model, relId) as Entity;
    const materialId = num(rel.RelatingMaterial);
    if (materialId === undefined) continue;
    let parts = materialCache.get(materialId);
    if (!parts) materialCache.set(materialId, (parts = materialParts(api, W, model, materialId, scales)));
    for (const objectId of refs(rel.RelatedObjects)) byObject.set(objectId, parts);
  }
  for (const relId of idsOf(api, model, W.IFCRELDEFINESBYTYPE)) {
    const rel = api.GetLine(model, relId) as Entity;
    const typeParts = byObject.get(num(rel.RelatingType) ?? -1);
    if (!typeParts) continue;
    for (const objectId of refs(rel.RelatedObjects)) if (!byObject.has(objectId)) byObject.set(objectId, typeParts);
  }
  for (const [id, element] of elements) Object.assign(element, byObject.get(id) ?? {});
  // Quantity sets and the common property set's IsExternal / LoadBearing.
  for (const relId of idsOf(api, model, W.IFCRELDEFINESBYPROPERTIES)) {
    const rel = api.GetLine(model, relId) as Entity;
    const related = refs(rel.RelatedObjects).filter((o) => elements.has(o));
    if (related.length === 0) continue;
    const definition = api.GetLine(model, num(rel.RelatingPropertyDefinition) ?? -1) as Entity | undefined;
    if (!definition) continue;
    if (definition.type === W.IFCELEMENTQUANTITY) {
      const quantities = quantitiesOf(api, W, model, definition, scales);
      for (const o of related) elements.get(o)!.quantities.push(...quantities);
    } else if (definition.type === W.IFCPROPERTYSET && /^Pset_.*Common$/.test(text(definition.Name) ?? '')) {
      for (const propId of refs(definition.HasProperties)) {
        const prop = api.GetLine(model, propId) as Entity;
        const propName = text(prop.Name);
        const v = value(prop.NominalValue);
        if ((propName !== 'IsExternal' && propName !== 'LoadBearing') || typeof v !== 'boolean') continue;
        for (const o of related) elements.get(o)![propName === 'IsExternal' ? 'external' : 'loadBearing'] = v;
      }
    }
  }
  return elements;
}

/** A container (a roof, a stair) whose parts are themselves read is counted through its parts, not twice. */
function dropAggregates(api: Api, W: TWebIfc, model: number, elements: Map<number, Draft>, other: Record<string, number>) {
  for (const relId of idsOf(api, model, W.IFCRELAGGREGATES)) {
    const rel = api.GetLine(model, relId) as Entity;
    const whole = num(rel.RelatingObject);
    if (whole === undefined || !elements.has(whole) || !refs(rel.RelatedObjects).some((p) => elements.has(p))) continue;
    const cls = elements.get(whole)!.ifcType;
    other[cls] = (other[cls] ?? 0) + 1;
    elements.delete(whole);
  }
}

let loaded: Promise<{ W: TWebIfc; api: Api }> | undefined;

/** web-ifc and its wasm, initialised once per thread. */
export function loadWebIfc(): Promise<{ W: TWebIfc; api: Api }> {
  loaded ??= (async () => {
    const W = require('web-ifc') as TWebIfc;
    const api = new W.IfcAPI();
    api.SetWasmPath(`${dirname(require.resolve('web-ifc'))}/`, true);
    await api.Init();
    return { W, api };
  })();
  return loaded;
}

/** Bytes of an IFC file → the typed model. A file that is not IFC (or that web-ifc cannot open) is refused. */
export async function readIfcModel(bytes: Uint8Array, maxElements: number): Promise<TIfcModel> {
  if (!/^\s*ISO-10303-21;/.test(new TextDecoder().decode(bytes.subarray(0, 64)))) throw new IfcRefusal('carbon.ifc_unreadable');
  const { W, api } = await loadWebIfc();
  let model: number;
  try {
    model = api.OpenModel(bytes, { COORDINATE_TO_ORIGIN: false });
  } catch {
    throw new IfcRefusal('carbon.ifc_unreadable');
  }
  if (model < 0) throw new IfcRefusal('carbon.ifc_unreadable');
  try {
    const scales = unitScales(api, W, model);
    const elements = readElements(api, W, model, scales, maxElements);
    const otherElements: Record<string, number> = {};
    for (const cls of OTHER_CLASSES) {
      const n = idsOf(api, model, W[cls]).length;
      if (n > 0) otherElements[api.GetNameFromTypeCode(W[cls])] = n;
    }
    dropAggregates(api, W, model, elements, otherElements);
    const applications = idsOf(api, model, W.IFCAPPLICATION);
    const application = applications.length > 0 ? text((api.GetLine(model, applications[0]!) as Entity).ApplicationFullName) : undefined;
    return {
      schema: api.GetModelSchema(model),
      ...(application ? { application } : {}),
      elements: [...elements.values()].map(({ expressId: _, ...e }) => e),
      otherElements,
    };
  } finally {
    api.CloseModel(model);
  }
}
