import { oneFormHook } from './one-form-hook.js';

// Which status allows what is a rule, and rules live in packages/domain (STYLE.md: "rules only in
// the domain"). A comparison with a status name anywhere else is a copy of such a rule that will
// drift from the domain's; use the domain's predicates (applicantActions, isReceived,
// isSheetSubmitted…) or its status lists instead.

/**
 * The application statuses (packages/domain/src/application.ts APPLICATION_STATUSES) and the other
 * lifecycle statuses compared in the apps (score sheets, change requests). The rule's test checks
 * this list against the domain's, so a status added there is refused here too.
 */
export const STATUS_LITERALS = [
  'draft',
  'submitted',
  'under_review',
  'information_requested',
  'returned',
  'resubmitted',
  'recommended',
  'selected',
  'not_selected',
  'grant_decided',
  'in_progress',
  'results_reported',
  'amount_fixed',
  'paid',
  'withdrawn',
  'cancelled',
  'reclaim_requested',
  'reclaimed',
  // Rounds (ROUND_STATUSES) and definition versions: 'published' and 'closed' are statuses there
  // and elsewhere too (a CO2 factor's publication, a round's listing), each with its predicate.
  'published',
  'closed',
];

const COMPARISONS = new Set(['===', '!==', '==', '!=']);
const isStatusLiteral = (node) =>
  node?.type === 'Literal' && typeof node.value === 'string' && STATUS_LITERALS.includes(node.value);

/** @type {import('eslint').Rule.RuleModule} */
export const noStatusLiteral = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Refuses comparing with a status name outside packages/domain: the rule belongs in the domain.',
    },
    schema: [],
    messages: {
      literal:
        "Status '{{status}}' compared outside packages/domain: use the domain's predicate for this rule (applicantActions, isReceived, isSheetSubmitted, …) or add one there.",
    },
  },
  create(context) {
    const report = (node) => context.report({ node, messageId: 'literal', data: { status: node.value } });
    return {
      BinaryExpression(node) {
        if (!COMPARISONS.has(node.operator)) return;
        if (isStatusLiteral(node.left)) report(node.left);
        if (isStatusLiteral(node.right)) report(node.right);
      },
      SwitchCase(node) {
        if (isStatusLiteral(node.test)) report(node.test);
      },
    };
  },
};

export const tsumikiPlugin = { meta: { name: 'tsumiki' }, rules: { 'no-status-literal': noStatusLiteral, 'one-form-hook': oneFormHook } };
