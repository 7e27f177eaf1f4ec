// Each programme's budget: what is committed, and every movement of it.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, CreatedAt } from './columns';

export interface BudgetLedgerTable {
  programme_id: string;
  budget_yen: number;
  committed_yen: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface BudgetLedgerEntryTable {
  id: Generated<string>;
  programme_id: string;
  application_id: string | null;
  kind: 'open' | 'budget' | 'commit' | 'adjust' | 'release' | 'settle';
  amount_yen: number;
  committed_after_yen: number;
  budget_after_yen: number;
  version_after: number;
  actor_user_id: string | null;
  occurred_at: CreatedAt;
}

export interface LedgerTables {
  budget_ledgers: BudgetLedgerTable;
  budget_ledger_entries: BudgetLedgerEntryTable;
}
