import type { TSourceStatus } from './defaults';
import { ENERGY_FACTORS, type TEnergyCarrier } from './energy';
import { gwpOf } from './gwp';
import type { TAssessmentInput } from './model';
import type { TCarbonIssue, TEnergyRow } from './result';
import { conversionFactor } from './units';

/** Sources that are not BoQ lines and do not depend on the scenario: refrigerants, energy, water. */
export interface BuildingParts {
  b1: number;
  c1: number;
  b6: number;
  b7: number;
  d2: number;
  annualB6: number;
  annualB7: number;
  energy: TEnergyRow[];
  selfConsumedKWh: number;
  exportedKWh: number;
  energyDefaultsUsed: TEnergyCarrier[];
}

export function buildingParts(input: TAssessmentInput, years: number, issues: TCarbonIssue[]): BuildingParts {
  const gwpSet = input.gwpSet;
  const gwp = (entry: { gas: string; gwp?: number | undefined }) =>
    entry.gas === 'custom' ? (entry.gwp ?? 0) : gwpOf(entry.gas as Parameters<typeof gwpOf>[0], gwpSet);

  // B1: refrigerant top-ups replace what leaks each year (J-CAT: フロン充填量 × 想定漏洩率, l.1971).
  let b1 = 0;
  let c1 = 0;
  for (const r of input.refrigerants) {
    const g = gwp(r);
    b1 += r.chargeKg * r.annualLeakRate * g * years;
    c1 += r.chargeKg * (r.endOfLifeLossRate ?? 0) * g;
  }
  // Foam keeps losing its blowing agent until none is left; the loss cannot exceed the content.
  for (const a of input.blowingAgents) b1 += a.agentKg * Math.min(1, a.annualLossRate * years) * gwp(a);

  // B6: each carrier at its factor, less on-site generation used on site at the grid factor.
  const energy: TEnergyRow[] = [];
  const energyDefaultsUsed: TEnergyCarrier[] = [];
  let annualB6 = 0;
  let electricityKWh = 0;
  input.energy.forEach((e, index) => {
    const def = ENERGY_FACTORS[e.carrier];
    let factor: number;
    let source: string;
    let status: TSourceStatus = 'cited';
    let published: string | null = null;
    if (e.factorKgCo2ePerUnit !== undefined) {
      factor = e.factorKgCo2ePerUnit;
      source = e.factorSource ?? 'input';
    } else if (e.carrier === 'electricity' && input.gridFactorKgCo2ePerKWh !== undefined) {
      const conv = conversionFactor(e.unit, 'kWh');
      if (!conv.ok) {
        issues.push({
          code: 'carbon.energy_unit_mismatch',
          params: { carrier: e.carrier, unit: e.unit, expected: 'kWh' },
          path: ['energy', index, 'unit'],
        });
        return;
      }
      factor = input.gridFactorKgCo2ePerKWh * conv.factor;
      source = input.gridFactorSource ?? 'input';
    } else if (def.kgCo2ePerUnit === null) {
      issues.push({ code: 'carbon.grid_factor_required', params: {}, path: ['gridFactorKgCo2ePerKWh'] });
      return;
    } else {
      const conv = conversionFactor(e.unit, def.unit);
      if (!conv.ok) {
        issues.push({
          code: 'carbon.energy_unit_mismatch',
          params: { carrier: e.carrier, unit: e.unit, expected: def.unit },
          path: ['energy', index, 'unit'],
        });
        return;
      }
      factor = def.kgCo2ePerUnit * conv.factor;
      source = def.source;
      status = def.sourceStatus;
      published = def.publishedOn ?? null;
      energyDefaultsUsed.push(e.carrier);
    }
    if (e.carrier === 'electricity') {
      const toKWh = conversionFactor(e.unit, 'kWh');
      if (toKWh.ok) electricityKWh += e.annualQuantity * toKWh.factor;
    }
    const annual = e.annualQuantity * factor;
    annualB6 += annual;
    energy.push({
      carrier: e.carrier,
      annualQuantity: e.annualQuantity,
      unit: e.unit,
      factorKgCo2ePerUnit: factor,
      factorSource: source,
      factorSourceStatus: status,
      factorPublishedOn: published,
      annualKgCo2e: annual,
    });
  });
  let selfConsumedKWh = 0;
  let exportedKWh = 0;
  for (const r of input.renewables) {
    selfConsumedKWh += r.selfConsumedKWh;
    exportedKWh += r.annualGenerationKWh - r.selfConsumedKWh;
  }
  const grid = input.gridFactorKgCo2ePerKWh;
  if (input.renewables.length > 0 && grid === undefined)
    issues.push({ code: 'carbon.grid_factor_required', params: {}, path: ['gridFactorKgCo2ePerKWh'] });
  if (selfConsumedKWh > electricityKWh) {
    issues.push({
      code: 'carbon.self_consumption_exceeds_demand',
      params: { selfConsumed: selfConsumedKWh, demand: electricityKWh },
      path: ['renewables'],
    });
  }
  annualB6 -= selfConsumedKWh * (grid ?? 0);
  const annualB7 = input.water ? input.water.annualM3 * input.water.factorKgCo2ePerM3 : 0;
  return {
    b1,
    c1,
    b6: annualB6 * years,
    b7: annualB7 * years,
    // Exported generation displaces grid electricity outside the building: a D2 benefit, never B6.
    d2: exportedKWh > 0 ? -exportedKWh * (grid ?? 0) * years : 0,
    annualB6,
    annualB7,
    energy,
    selfConsumedKWh,
    exportedKWh,
    energyDefaultsUsed,
  };
}
