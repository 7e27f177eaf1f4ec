import { describe, expect, it } from 'vitest';
import { ZCltFacts } from '../clt/input';
import { ZCo2Factor } from '../co2/input';
import { formFields } from '../application-form';
import { LCA_IMPLEMENTATION } from '../lca/definition';
import { ENGINE_FACTS } from './engine-facts';

// The lists are plain data (the definition schema cannot import the engines); these keep them true.
describe('the facts each engine gives its conditions', () => {
  it('are the CLT input facts plus the rate the engine decides', () => {
    expect([...ENGINE_FACTS.clt].sort()).toEqual([...Object.keys(ZCltFacts.shape), 'rateVariant'].sort());
  });

  it('are the CO2 factor’s fields plus what the engine derives', () => {
    const derived = ['coversBeyondA3', 'factorCount', 'productCategoryCount', 'hasPersonnelCost', 'hasLicenceCost', 'hasVerificationCost', 'hasPublicationCost', 'residualValueFormsNeeded'];
    expect([...ENGINE_FACTS.co2_factor].sort()).toEqual([...Object.keys(ZCo2Factor.shape), ...derived].sort());
  });

  it('are, for the LCA programme, the questions its definition asks, and its form asks exactly those', () => {
    const asked = formFields('lca_implementation', LCA_IMPLEMENTATION).filter((f) => f.path.startsWith('grant.facts.')).map((f) => f.path.slice('grant.facts.'.length));
    expect(asked.sort()).toEqual(LCA_IMPLEMENTATION.questions.map((q) => q.fact).sort());
    expect(ENGINE_FACTS.generic).toEqual([]);
  });
});
