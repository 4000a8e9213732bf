// Queries compiled once per database and shape, then run with new values. Kysely builds and compiles
// a query on every call (a few dozen microseconds for a join of five tables); hot reads skip that.
//
// The builder is called once per shape with placeholder values; where each placeholder lands in the
// compiled parameters is remembered, and later calls put their values in those slots. So a value
// must reach the SQL as a parameter unchanged: anything that decides the query's form (an optional
// filter, the number of terms) belongs in the shape, and derived values (a MATCH expression) are
// computed before and passed as values. Values the shape leaves out of the query are ignored.
//
// Compiled queries are kept per database (its adapter, which its transactions share), so a command's
// transaction reuses them too.
//
// On PostgreSQL each compiled read also runs as a named statement (named-statements.ts): parsed once
// per connection and, once PostgreSQL settles on a generic plan, not planned again. A generic plan
// knows no values, so anything the plan depends on, such as a page's LIMIT, belongs in the shape.
import { type Compilable, CompiledQuery, type DialectAdapter, type Insertable } from "kysely";
import { dialectOf } from "./dialect";
import { nameStatement } from "./named-statements";
import type { Database, Executor } from "./schema";
import { readDirectly } from "./sqlite-group-commit";

export type ParamValue = string | number | null;
type Slot = { value: string } | { constant: unknown };

interface Entry<Row> {
  compiled: CompiledQuery<Row>;
  slots: Slot[];
  /** A SELECT: on SQLite, run at once when the connection is free (`readDirectly`). */
  read: boolean;
}

const PLACEHOLDER = "\u0000param:";

export class PreparedQuery<Shape, Values extends Record<string, ParamValue>, Row> {
  private readonly cache = new WeakMap<DialectAdapter, Map<string, Entry<Row>>>();

  constructor(
    private readonly build: (db: Executor, shape: Shape, values: Values) => Compilable<Row>,
    private readonly keyOf: (shape: Shape) => string,
  ) {}

  /** A query of a single form, compiled once per database: run it with `null` as its shape. */
  static single<Values extends Record<string, ParamValue>, Row>(
    build: (db: Executor, values: Values) => Compilable<Row>,
  ): PreparedQuery<null, Values, Row> {
    return new PreparedQuery(
      (db, _shape: null, values: Values) => build(db, values),
      () => "",
    );
  }

  async execute(db: Executor, shape: Shape, values: Values): Promise<Row[]> {
    const entry = this.entry(db, shape, () => values);
    const parameters = entry.slots.map((slot) => ("value" in slot ? values[slot.value] : slot.constant));
    const query = { ...entry.compiled, parameters };
    const rows = entry.read ? readDirectly(db, query) : undefined;
    if (rows) return rows as Row[];
    const result = await db.executeQuery<Row>(query);
    return result.rows;
  }

  async executeTakeFirst(db: Executor, shape: Shape, values: Values): Promise<Row | undefined> {
    return (await this.execute(db, shape, values))[0];
  }

  /** The statement for `shape`, compiled the first time with `placeholders()` as its values. */
  entry(db: Executor, shape: Shape, placeholders: () => Values): Entry<Row> {
    const adapter = db.getExecutor().adapter;
    let byShape = this.cache.get(adapter);
    if (!byShape) {
      byShape = new Map();
      this.cache.set(adapter, byShape);
    }
    const key = this.keyOf(shape);
    let entry = byShape.get(key);
    if (!entry) {
      entry = compileWithPlaceholders(this.build, db, shape, placeholders());
      byShape.set(key, entry);
    }
    return entry;
  }
}

function compileWithPlaceholders<Shape, Values extends Record<string, ParamValue>, Row>(
  build: (db: Executor, shape: Shape, values: Values) => Compilable<Row>,
  db: Executor,
  shape: Shape,
  values: Values,
): Entry<Row> {
  const placeholders = Object.fromEntries(
    Object.keys(values).map((name) => [name, `${PLACEHOLDER}${name}`]),
  ) as Values;
  const compiled = build(db, shape, placeholders).compile();
  const slots = compiled.parameters.map(
    (parameter): Slot =>
      typeof parameter === "string" && parameter.startsWith(PLACEHOLDER)
        ? { value: parameter.slice(PLACEHOLDER.length) }
        : { constant: parameter },
  );
  if (compiled.sql.includes(PLACEHOLDER)) {
    // A value inlined into the SQL text: a programming error, caught by any test of the query.
    throw new Error("prepared query: a value was inlined into the SQL instead of passed as a parameter");
  }
  const read = compiled.query.kind === "SelectQueryNode";
  // Reads only: the write path's inserts are planned in no time and stay as they were.
  if (read) nameStatement(compiled.sql);
  return { compiled, slots, read };
}

type Row<T extends keyof Database> = Insertable<Database[T]>;

/**
 * Inserts rows of one table through a statement compiled once per set of columns and number of rows:
 * the write path of a command (a ticket, its clocks, its event, its e-mails) skips Kysely's building.
 * Every row must have the same columns; a column left out takes its default, as with `insertInto`.
 */
export class PreparedInsert<T extends keyof Database> {
  private readonly query = new PreparedQuery<
    { columns: readonly string[]; count: number },
    Record<string, ParamValue>,
    never
  >(
    (db, { columns, count }, values) =>
      db
        .insertInto(this.table)
        .values(
          Array.from({ length: count }, (_, index) =>
            Object.fromEntries(columns.map((column) => [column, values[`${index}:${column}`]])),
          ) as Row<T>[],
        ),
    ({ columns, count }) => `${count}:${columns.join(",")}`,
  );

  /** Statements whose parameters are known to be the rows' values, row by row, column by column. */
  private readonly inRowOrder = new WeakSet<Entry<never>>();

  constructor(private readonly table: T) {}

  async execute(db: Executor, rows: readonly Row<T>[]): Promise<void> {
    const statement = this.statement(db, rows);
    if (statement) await db.executeQuery(statement);
  }

  /** The statement that inserts `rows`, with their values, for `insertTogether`; none without rows. */
  statement(db: Executor, rows: readonly Row<T>[]): CompiledQuery | undefined {
    const [first] = rows;
    if (!first) return undefined;
    const columns = Object.keys(first).filter(
      (column) => (first as Record<string, unknown>)[column] !== undefined,
    );
    // Every opening writes a ticket of some 40 columns: the parameters are gathered in one pass,
    // in the order the statement takes them, with no per-value keys built.
    const parameters: ParamValue[] = [];
    for (const row of rows) {
      const record = row as Record<string, unknown>;
      let defined = 0;
      for (const column in record) if (record[column] !== undefined) defined++;
      if (defined !== columns.length) this.fail("rows with different columns");
      for (const column of columns) {
        const value = record[column];
        if (value === undefined) this.fail("rows with different columns");
        if (value !== null && typeof value !== "string" && typeof value !== "number") {
          this.fail(`${column} is neither text, a number nor null`);
        }
        parameters.push(value as ParamValue);
      }
    }
    const entry = this.query.entry(db, { columns, count: rows.length }, () =>
      placeholderValues(columns, rows.length),
    );
    this.checkRowOrder(entry, columns, rows.length);
    return { ...entry.compiled, parameters };
  }

  /** Once per statement: its parameters must be every row's columns, in order (as Kysely compiles them). */
  private checkRowOrder(entry: Entry<never>, columns: readonly string[], count: number): void {
    if (this.inRowOrder.has(entry)) return;
    const expected = Object.keys(placeholderValues(columns, count));
    const inOrder =
      entry.slots.length === expected.length &&
      entry.slots.every((slot, index) => "value" in slot && slot.value === expected[index]);
    if (!inOrder) this.fail("the statement does not take its values row by row, column by column");
    this.inRowOrder.add(entry);
  }

  private fail(problem: string): never {
    throw new Error(`prepared insert into ${this.table}: ${problem}`);
  }
}

/** The placeholder names of `count` rows of `columns`: `0:id`, `0:number`, …, `1:id`, … */
function placeholderValues(columns: readonly string[], count: number): Record<string, ParamValue> {
  const values: Record<string, ParamValue> = {};
  for (let index = 0; index < count; index++)
    for (const column of columns) values[`${index}:${column}`] = null;
  return values;
}

/** The combined text of each list of inserts, by their texts (a bounded set: the shapes of the inserts). */
const combined = new Map<string, string>();

/**
 * Runs inserts (`PreparedInsert.statement`) as one statement on PostgreSQL, where every statement is a
 * round trip: all but the last become data-modifying WITH clauses of the last. PostgreSQL runs each
 * exactly once, and checks foreign keys at the end of the statement, so a row may refer to one inserted
 * beside it (a ticket's clocks and opening event, its ticket). SQLite has no data-modifying WITH and no
 * round trips: there they run one after the other, in order.
 */
export async function insertTogether(
  db: Executor,
  statements: readonly (CompiledQuery | undefined)[],
): Promise<void> {
  const present = statements.filter((statement) => statement !== undefined);
  if (present.length < 2 || dialectOf(db) !== "postgres") {
    for (const statement of present) await db.executeQuery(statement);
    return;
  }
  const key = present.map((statement) => statement.sql).join("\u0000");
  let sql = combined.get(key);
  if (sql === undefined) {
    let offset = 0;
    const parts = present.map((statement) => {
      const shift = offset;
      const numbered = [...statement.sql.matchAll(/\$(\d+)/g)].length;
      if (numbered !== statement.parameters.length) {
        throw new Error("insertTogether: a statement whose placeholders are not its parameters, in order");
      }
      offset += statement.parameters.length;
      return statement.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + shift}`);
    });
    const last = parts.pop();
    sql = `with ${parts.map((part, i) => `written_${i + 1} as (${part})`).join(", ")} ${last}`;
    if (combined.size >= 200) combined.clear();
    combined.set(key, sql);
  }
  await db.executeQuery(
    CompiledQuery.raw(
      sql,
      present.flatMap((statement) => statement.parameters),
    ),
  );
}
