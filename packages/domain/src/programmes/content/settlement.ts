import { yen } from '../../money';
import type { TReportedLine } from '../../review/settlement';
import type { TApplicationContent } from './schema';

/**
 * Settlement on accepted costs (額の確定): the submitted budget's lines, and the same content with
 * every line at the amount the office accepted, so the programme's own rules (rates, caps, tables)
 * compute the grant on it. Typed per programme: CLT's four sections of 様式4-1/4-2, the CO2 and
 * LCA budgets' one list.
 */

type BudgetLine = { id?: string | undefined; category?: string | undefined; description?: string | undefined; amount?: number | undefined };

function linesOf(content: TApplicationContent): readonly BudgetLine[] {
  if (content.programme === 'clt_demonstration') {
    const g = content.grant;
    return [...(g?.building?.lines ?? []), ...(g?.design?.lines ?? []), ...(g?.performance?.lines ?? []), ...(g?.council?.lines ?? [])];
  }
  return content.grant?.lines ?? [];
}

/** Every complete budget line of the content (id, category and a whole-yen amount), as reported lines. */
export function budgetLinesOf(content: TApplicationContent): TReportedLine[] {
  return linesOf(content).flatMap((l) =>
    l.id !== undefined && l.category !== undefined && l.amount !== undefined && Number.isSafeInteger(l.amount)
      ? [{ id: l.id, category: l.category, ...(l.description !== undefined ? { description: l.description } : {}), amount: yen(l.amount) }]
      : [],
  );
}

/**
 * The content with each line at its accepted amount (0 when the line was not accepted). Unit price ×
 * quantity describe the budget, not the accepted amount, so they are left out.
 */
export function contentOnAcceptedCosts(content: TApplicationContent, accepted: ReadonlyMap<string, number>): TApplicationContent {
  const at = <L extends BudgetLine & { unitPrice?: number | undefined; quantity?: number | undefined }>(lines: readonly L[] | undefined) =>
    lines?.map(({ unitPrice: _unitPrice, quantity: _quantity, ...line }) => ({ ...line, amount: accepted.get(line.id ?? '') ?? 0 }));
  switch (content.programme) {
    case 'clt_demonstration': {
      const g = content.grant;
      if (!g) return content;
      const section = (s: typeof g.building) => (s ? { lines: at(s.lines) ?? [] } : undefined);
      return {
        ...content,
        grant: { ...g, building: section(g.building), design: section(g.design), performance: section(g.performance), council: section(g.council) },
      };
    }
    case 'co2_factor_support':
      return content.grant ? { ...content, grant: { ...content.grant, lines: at(content.grant.lines) } } : content;
    case 'lca_implementation':
      return content.grant ? { ...content, grant: { ...content.grant, lines: at(content.grant.lines) } } : content;
    case 'generic_cost_share':
      return content.grant ? { ...content, grant: { ...content.grant, lines: at(content.grant.lines) } } : content;
  }
}
