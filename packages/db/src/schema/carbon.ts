// Embodied-carbon projects, the emission factors they use and the material names organisations type.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Timestamp, CreatedAt } from './columns';

export interface CarbonProjectTable {
  id: Generated<string>;
  organisation_id: string;
  application_id: string | null;
  name: string;
  /** Shapes from @tsumiki/domain/carbon (ZCarbonProjectContent), checked on the way in and out. */
  building: JSONColumnType<Record<string, unknown>, string, string>;
  settings: JSONColumnType<Record<string, unknown>, string, string>;
  boq: JSONColumnType<unknown[], string, string>;
  scenarios: JSONColumnType<unknown[], string, string>;
  version: ColumnType<number, number | undefined, number>;
  created_by: string;
  updated_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CarbonFactorTable {
  /** The factor's own id, as BoQ lines pin it. */
  id: string;
  material_key: string;
  /** A ZEmissionFactor document: value and provenance. */
  factor: JSONColumnType<Record<string, unknown>, string, string>;
  imported_by: string;
  imported_at: Timestamp;
}

export interface CarbonMaterialNameTable {
  organisation_id: string;
  /** The name as compared (the domain's foldMaterialName); one material per folded name. */
  folded_name: string;
  /** The name as the organisation typed it last. */
  name: string;
  material_key: string;
  updated_by: string;
  updated_at: Generated<Timestamp>;
}

export interface CarbonTables {
  carbon_projects: CarbonProjectTable;
  carbon_factors: CarbonFactorTable;
  carbon_material_names: CarbonMaterialNameTable;
}
