import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A calendar date as text, "2026-01-01" (see client.ts). */
export type Day = ColumnType<string, string, string>;
