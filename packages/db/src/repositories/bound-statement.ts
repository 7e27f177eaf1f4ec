import { CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type Compilable, type RawBuilder } from 'kysely';
import type { DB } from '../schema';
import type { Executor } from './executor';

/**
 * Building a statement with Kysely and compiling it to SQL is the API's largest share of its own
 * work on the review queue: some 0.3–0.5 ms a page, every page, for a text that only changes with
 * the page's shape (its sort, which filters are set, how many programmes). A bound statement is
 * built and compiled once per shape, with a placeholder wherever a value goes; each call then
 * only puts its values into the placeholders' places.
 *
 * The builder gets the shape, which may decide the statement's text, and the values, which it may
 * only pass to Kysely as values (`where(col, '=', v)`, `${v}` in `sql`): it is called with
 * placeholders in their stead, so a builder that looked inside a value would bake the placeholder
 * into the text. The tests compare every bound statement with the same builder called on the
 * values themselves. Whether a value is set (null or not) and an array's length are part of the
 * shape without being said: they are read off the values.
 */
export interface BoundStatement<Shape, Values, Row> {
  compile(shape: Shape, values: Values): CompiledQuery<Row>;
  execute(db: Executor, shape: Shape, values: Values): Promise<Row[]>;
}

/**
 * Builds statements for bound statements to compile; it runs nothing. Both backends compile with
 * PostgreSQL's compiler, so one text serves either.
 */
export const statementBuilder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Where one value goes: its place among the values' leaves, in traversal order. */
class Placeholder {
  constructor(readonly index: number) {}
}

let verifying = false;

/**
 * From here on, every bound statement is also built on the call's own values and the two compared:
 * a builder that looked inside a value throws at once. The test suites turn it on.
 */
export function verifyBoundStatements(): void {
  verifying = true;
}

/** Shapes kept per statement: a caller's shapes are few; past this many, more are compiled per call. */
const SHAPES_KEPT = 500;

/** What a builder gives: a query builder, or an `sql` template (compiled by the statement builder). */
type Built<Row> = Compilable<Row> | RawBuilder<Row>;
const compiled = <Row>(built: Built<Row>): CompiledQuery<Row> => ('isRawBuilder' in built ? built.compile(statementBuilder) : built.compile());

export function boundStatement<Shape, Values, Row>(build: (shape: Shape, values: Values) => Built<Row>): BoundStatement<Shape, Values, Row> {
  const kept = new Map<string, CompiledQuery<Row>>();
  const compile = (shape: Shape, values: Values): CompiledQuery<Row> => {
    const key = `${JSON.stringify(shape)}|${outlineOf(values)}`;
    let template = kept.get(key);
    if (!template) {
      let next = 0;
      template = compiled(build(shape, mapLeaves(values, () => new Placeholder(next++)) as Values));
      // A placeholder inside an object bound whole (as JSON) would reach the database as it is.
      if (template.parameters.some((p) => holdsPlaceholderInObject(p))) {
        throw new Error('A bound statement binds an object whole: pass it as text (JSON.stringify).');
      }
      if (kept.size < SHAPES_KEPT) kept.set(key, template);
    }
    const leaves = leavesOf(values, []);
    // An array bound whole (`= any(${ids})`) holds its placeholders in place.
    const fill = (p: unknown): unknown => (p instanceof Placeholder ? leaves[p.index] : Array.isArray(p) ? p.map(fill) : p);
    const parameters = template.parameters.map(fill);
    if (verifying) verify(compiled(build(shape, values)), template.sql, parameters);
    return CompiledQuery.raw(template.sql, parameters);
  };
  return {
    compile,
    execute: async (db, shape, values) => (await db.executeQuery(compile(shape, values))).rows,
  };
}

function verify(fresh: CompiledQuery, sql: string, parameters: readonly unknown[]): void {
  const same = (a: unknown, b: unknown): boolean =>
    a instanceof Date && b instanceof Date
      ? a.getTime() === b.getTime()
      : Array.isArray(a) && Array.isArray(b)
        ? a.length === b.length && a.every((x, i) => same(x, b[i]))
        : Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);
  if (fresh.sql !== sql || !same(fresh.parameters, parameters)) {
    throw new Error(`A bound statement differs from its builder on the same values:\n${sql}\n${JSON.stringify(parameters)}\nbuilt:\n${fresh.sql}\n${JSON.stringify(fresh.parameters)}`);
  }
}

function holdsPlaceholderInObject(value: unknown, inObject = false): boolean {
  if (value instanceof Placeholder) return inObject;
  if (value === undefined || isLeaf(value)) return false;
  if (Array.isArray(value)) return value.some((v) => holdsPlaceholderInObject(v, inObject));
  return Object.values(value as object).some((v) => holdsPlaceholderInObject(v, true));
}

const isLeaf = (value: unknown) => value === null || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value);

/** The same structure with each set leaf replaced by what `f` gives (null and undefined stay). */
function mapLeaves(value: unknown, f: (leaf: unknown) => unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isLeaf(value)) return f(value);
  if (Array.isArray(value)) return value.map((v) => mapLeaves(v, f));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, mapLeaves(v, f)]));
}

/** The set leaves in mapLeaves' order, without building the structure again (every call of every bound statement). */
function leavesOf(value: unknown, into: unknown[]): unknown[] {
  if (value === null || value === undefined) return into;
  if (isLeaf(value)) {
    into.push(value);
    return into;
  }
  if (Array.isArray(value)) {
    for (const v of value) leavesOf(v, into);
    return into;
  }
  for (const v of Object.values(value as Record<string, unknown>)) leavesOf(v, into);
  return into;
}

/** What of the values shapes the text: which are set, and arrays' lengths. */
function outlineOf(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (isLeaf(value)) return '*';
  if (Array.isArray(value)) return `[${value.map(outlineOf).join(',')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}:${outlineOf(v)}`)
    .join(',')}}`;
}
