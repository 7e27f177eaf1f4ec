import { z } from 'zod';
import type { TSourceStatus } from './defaults';
import type { TUnit } from './units';

export const ENERGY_CARRIERS = [
  'electricity',
  'city_gas',
  'lpg',
  'kerosene',
  'heavy_oil_a',
  'district_heat',
] as const;
export type TEnergyCarrier = (typeof ENERGY_CARRIERS)[number];
export const ZEnergyCarrier = z.enum(ENERGY_CARRIERS, { error: 'carbon.energy_carrier_unknown' });

export interface TEnergyFactor {
  carrier: TEnergyCarrier;
  ja: string;
  en: string;
  /** The unit the factor is per; energy entries in another unit of the same dimension are converted. */
  unit: TUnit;
  /** kg-CO2 per unit; null where no national figure may be assumed (electricity). */
  kgCo2ePerUnit: number | null;
  source: string;
  sourceStatus: TSourceStatus;
  publishedOn?: string;
  note?: string;
}

/**
 * The Ministry of the Environment / METI list for the GHG reporting scheme (温室効果ガス排出量
 * 算定・報告・公表制度「算定方法・排出係数一覧」), values from 特定排出者の事業活動に伴う温室効果ガスの
 * 排出量の算定に関する省令 (平成18年経済産業省・環境省令第3号) 別表第一 as amended by 平成22年経済産業省・
 * 環境省令第3号: unit heat value × carbon content × 44/12. They applied to reports up to FY2022;
 * from FY2023 activity the ordinance uses revised standard values, and gas suppliers publish their
 * own factors (e.g. 仙台市ガス局 2.29 kg-CO2/m³, seeds/002 l.2429). Each entry therefore carries
 * its date, so the age flag shows, and every carrier can be overridden per project.
 */
const SHK = '環境省・経済産業省「算定方法・排出係数一覧」(算定省令 別表第一, H22改正)';

export const ENERGY_FACTORS: Record<TEnergyCarrier, TEnergyFactor> = {
  electricity: {
    carrier: 'electricity',
    ja: '電力',
    en: 'Electricity',
    unit: 'kWh',
    kgCo2ePerUnit: null,
    source: 'user: the supplier’s published 排出係数 (電気事業者別排出係数) for the year assessed',
    sourceStatus: 'cited',
    note: 'Grid factors differ by supplier and year by a factor of two or more; the engine asks for one rather than guess.',
  },
  city_gas: {
    carrier: 'city_gas',
    ja: '都市ガス',
    en: 'City gas',
    unit: 'Nm3',
    kgCo2ePerUnit: 2.23,
    source: `${SHK}: 44.8 GJ/千Nm³ × 0.0136 tC/GJ × 44/12`,
    sourceStatus: 'cited',
    publishedOn: '2010-03-31',
    note: 'Use the supplier’s own factor when known (Sendai: 2.29 kg-CO2/m³).',
  },
  lpg: {
    carrier: 'lpg',
    ja: 'LPG',
    en: 'LPG',
    unit: 'kg',
    kgCo2ePerUnit: 3.0,
    source: `${SHK}: 液化石油ガス 3.00 t-CO2/t`,
    sourceStatus: 'cited',
    publishedOn: '2010-03-31',
  },
  kerosene: {
    carrier: 'kerosene',
    ja: '灯油',
    en: 'Kerosene',
    unit: 'L',
    kgCo2ePerUnit: 2.49,
    source: `${SHK}: 36.7 GJ/kL × 0.0185 tC/GJ × 44/12`,
    sourceStatus: 'cited',
    publishedOn: '2010-03-31',
  },
  heavy_oil_a: {
    carrier: 'heavy_oil_a',
    ja: 'A重油',
    en: 'Heavy oil A',
    unit: 'L',
    kgCo2ePerUnit: 2.71,
    source: `${SHK}: 39.1 GJ/kL × 0.0189 tC/GJ × 44/12`,
    sourceStatus: 'cited',
    publishedOn: '2010-03-31',
  },
  district_heat: {
    carrier: 'district_heat',
    ja: '地域熱供給（蒸気・温水・冷水）',
    en: 'District heating and cooling',
    unit: 'MJ',
    kgCo2ePerUnit: 0.057,
    source: `${SHK}: 産業用以外の蒸気・温水・冷水 0.057 t-CO2/GJ`,
    sourceStatus: 'cited',
    publishedOn: '2010-03-31',
    note: 'Use the heat supplier’s own factor when published.',
  },
};

/** City gas in Sendai, as used for the Sendai city-hall case (seeds/002 l.2429, 仙台市ガス局公表). */
export const SENDAI_CITY_GAS_KG_PER_M3 = 2.29;
