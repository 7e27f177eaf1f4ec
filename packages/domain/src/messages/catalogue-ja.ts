import carbon from './errors.carbon.ja.json';
import base from './errors.ja.json';
import lifecycle from './errors.lifecycle.ja.json';
import onboarding from './errors.onboarding.ja.json';
import operations from './errors.operations.ja.json';
import programmes from './errors.programmes.ja.json';
import review from './errors.review.ja.json';
import rounds from './errors.rounds.ja.json';
import validation from './errors.validation.ja.json';

// One module per language, so an app can load only the language it shows.
export const catalogueJa = { ...base, ...carbon, ...programmes, ...review, ...rounds, ...onboarding, ...lifecycle, ...operations, ...validation };
