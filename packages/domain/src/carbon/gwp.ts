import { z } from 'zod';

/**
 * 100-year global warming potentials for the refrigerants and foam blowing agents met in
 * buildings. J-CAT and the AIJ LCA guideline use AR5 (seeds/002 l.2208: 「AIJ建物のLCA 指針(2024) 及び
 * J-CAT … AR5(2013)」), so AR5 is the default; AR6 is offered because One Click LCA/ecoinvent and
 * AIST-IDEA 3.5 use it (same table).
 *
 * Pure substances:
 *  - AR5: IPCC (2013) Climate Change 2013: The Physical Science Basis, WG I, Chapter 8, Appendix
 *    8.A, Table 8.A.1 (GWP-100, without climate–carbon feedback).
 *  - AR6: IPCC (2021) Climate Change 2021: The Physical Science Basis, WG I, Chapter 7,
 *    Supplementary Material, Table 7.SM.7.
 * Blends are mass-weighted sums of their components, with compositions from ANSI/ASHRAE
 * Standard 34 (R-410A 50/50; R-404A 44/52/4 R-125/R-143a/R-134a; R-407C 23/25/52
 * R-32/R-125/R-134a); computing them here keeps AR5 and AR6 consistent.
 */
export const GWP_SETS = ['AR5', 'AR6'] as const;
export type TGwpSet = (typeof GWP_SETS)[number];
export const ZGwpSet = z.enum(GWP_SETS, { error: 'carbon.gwp_set_unknown' });

export const PURE_GASES = [
  'CO2',
  'HFC-32',
  'HFC-125',
  'HFC-134a',
  'HFC-143a',
  'HFO-1234yf',
  'HCFC-22',
  'HFC-245fa',
  'HFC-365mfc',
  'HFO-1233zd(E)',
] as const;
type PureGas = (typeof PURE_GASES)[number];

export const PURE_GWP: Record<TGwpSet, Record<PureGas, number>> = {
  AR5: {
    CO2: 1,
    'HFC-32': 677,
    'HFC-125': 3170,
    'HFC-134a': 1300,
    'HFC-143a': 4800,
    // AR5 reports "<1"; 1 is the bound, used so the figure is never understated.
    'HFO-1234yf': 1,
    'HCFC-22': 1760,
    'HFC-245fa': 858,
    'HFC-365mfc': 804,
    'HFO-1233zd(E)': 1,
  },
  AR6: {
    CO2: 1,
    'HFC-32': 771,
    'HFC-125': 3740,
    'HFC-134a': 1530,
    'HFC-143a': 5810,
    'HFO-1234yf': 0.501,
    'HCFC-22': 1960,
    'HFC-245fa': 962,
    'HFC-365mfc': 914,
    'HFO-1233zd(E)': 3.88,
  },
};

/** Gas names as written on equipment (R-numbers) and in the J-CAT sheet, with their make-up. */
export const GASES = {
  R744: { ja: 'CO2（R744）', en: 'CO2 (R744)', components: [['CO2', 1]] },
  R32: { ja: 'R32', en: 'R32', components: [['HFC-32', 1]] },
  R134a: { ja: 'R134a', en: 'R134a', components: [['HFC-134a', 1]] },
  R1234yf: { ja: 'R1234yf', en: 'R1234yf', components: [['HFO-1234yf', 1]] },
  R22: { ja: 'R22（HCFC-22）', en: 'R22 (HCFC-22)', components: [['HCFC-22', 1]] },
  R410A: {
    ja: 'R410A',
    en: 'R410A',
    components: [
      ['HFC-32', 0.5],
      ['HFC-125', 0.5],
    ],
  },
  R404A: {
    ja: 'R404A',
    en: 'R404A',
    components: [
      ['HFC-125', 0.44],
      ['HFC-143a', 0.52],
      ['HFC-134a', 0.04],
    ],
  },
  R407C: {
    ja: 'R407C',
    en: 'R407C',
    components: [
      ['HFC-32', 0.23],
      ['HFC-125', 0.25],
      ['HFC-134a', 0.52],
    ],
  },
  // Foam blowing agents (発泡断熱材).
  'HFC-245fa': { ja: 'HFC-245fa', en: 'HFC-245fa', components: [['HFC-245fa', 1]] },
  'HFC-365mfc': { ja: 'HFC-365mfc', en: 'HFC-365mfc', components: [['HFC-365mfc', 1]] },
  'HFO-1233zd(E)': { ja: 'HFO-1233zd(E)', en: 'HFO-1233zd(E)', components: [['HFO-1233zd(E)', 1]] },
} as const satisfies Record<string, { ja: string; en: string; components: readonly (readonly [PureGas, number])[] }>;

export type TGas = keyof typeof GASES;
export const GAS_NAMES = Object.keys(GASES) as TGas[];
/** A known gas, or 'custom' with its GWP given by the user. */
export const ZGas = z.enum([...(GAS_NAMES as [TGas, ...TGas[]]), 'custom'], { error: 'carbon.gas_unknown' });

/** GWP-100 of a gas or blend under the chosen IPCC report. */
export function gwpOf(gas: TGas, set: TGwpSet): number {
  let total = 0;
  for (const [component, share] of GASES[gas].components) total += PURE_GWP[set][component] * share;
  return total;
}
