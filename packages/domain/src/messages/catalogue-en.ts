import carbon from './errors.carbon.en.json';
import base from './errors.en.json';
import lifecycle from './errors.lifecycle.en.json';
import onboarding from './errors.onboarding.en.json';
import operations from './errors.operations.en.json';
import programmes from './errors.programmes.en.json';
import review from './errors.review.en.json';
import rounds from './errors.rounds.en.json';
import validation from './errors.validation.en.json';

// One module per language, so an app can load only the language it shows.
export const catalogueEn = { ...base, ...carbon, ...programmes, ...review, ...rounds, ...onboarding, ...lifecycle, ...operations, ...validation };
