import type { TApplicationStatus } from '@tsumiki/domain';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { boundStatement, statementBuilder, verifyBoundStatements } from './bound-statement';

const byTitle = boundStatement((shape: { desc: boolean }, v: { title: string; statuses: TApplicationStatus[]; min: number | null; ids: string[] }) =>
  statementBuilder
    .selectFrom('applications')
    .select('id')
    .where('title', '=', v.title)
    .where('status', 'in', v.statuses)
    .$if(v.min !== null, (qb) => qb.where('requested_grant_yen', '>=', v.min))
    .where(sql<boolean>`id = any(${v.ids}::uuid[])`)
    .orderBy('id', shape.desc ? 'desc' : 'asc'),
);

describe('a bound statement', () => {
  it('binds each call its own values into the text built for its shape', () => {
    const a = byTitle.compile({ desc: false }, { title: 'A', statuses: ['submitted', 'draft'] as TApplicationStatus[], min: null, ids: ['1', '2'] });
    const b = byTitle.compile({ desc: false }, { title: 'B', statuses: ['selected', 'not_selected'] as TApplicationStatus[], min: null, ids: ['3'] });
    expect(b.sql).toBe(a.sql);
    expect(a.parameters).toEqual(['A', 'submitted', 'draft', ['1', '2']]);
    // An array bound whole takes the call's array, whatever its length.
    expect(b.parameters).toEqual(['B', 'selected', 'not_selected', ['3']]);
  });

  it('builds a new text when the shape, a value set or unset, or a list length differs', () => {
    const base = { title: 'A', statuses: ['submitted' as TApplicationStatus], min: null, ids: [] };
    const texts = new Set([
      byTitle.compile({ desc: false }, base).sql,
      byTitle.compile({ desc: true }, base).sql,
      byTitle.compile({ desc: false }, { ...base, min: 5 }).sql,
      byTitle.compile({ desc: false }, { ...base, statuses: ['submitted', 'draft'] as TApplicationStatus[] }).sql,
    ]);
    expect(texts.size).toBe(4);
    expect(byTitle.compile({ desc: false }, { ...base, min: 7 }).parameters).toEqual(['A', 'submitted', 7, []]);
  });

  it('is the text and values its builder gives on the values themselves', () => {
    const values = { title: 'タイトル', statuses: ['submitted' as TApplicationStatus], min: 0, ids: ['x'] };
    const build = (v: typeof values) => statementBuilder.selectFrom('applications').select('id').where('title', '=', v.title).where('status', 'in', v.statuses).where('requested_grant_yen', '>=', v.min).where(sql<boolean>`id = any(${v.ids}::uuid[])`).orderBy('id', 'asc').compile();
    const bound = byTitle.compile({ desc: false }, values);
    expect(bound.sql).toBe(build(values).sql);
    expect(bound.parameters).toEqual(build(values).parameters);
  });

  it('refuses an object bound whole, which would reach the database with its placeholders', () => {
    const asJson = boundStatement((_: null, v: { after: { a: string } }) => statementBuilder.selectFrom('audit_log').select('id').where(sql<boolean>`after = ${v.after}`));
    expect(() => asJson.compile(null, { after: { a: 'x' } })).toThrow(/binds an object whole/);
  });

  it('under verification, finds a builder that looked inside a value', () => {
    verifyBoundStatements();
    // The text depends on the value itself: built on a placeholder it says something else.
    const peeking = boundStatement((_: null, v: { title: string }) => statementBuilder.selectFrom('applications').select('id').where('title', '=', String(v.title).toUpperCase()));
    expect(() => peeking.compile(null, { title: 'abc' })).toThrow(/differs from its builder/);
  });
});
