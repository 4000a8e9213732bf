// Rows of a SQLite read as plain objects, built in JavaScript from better-sqlite3's arrays.
//
// better-sqlite3 builds each row object in C++, one property at a time, looking every column's name up
// in V8's string table again for every row. For the console's queue page (26 rows of 23 columns) that
// was 40% of the statement: 385 µs as objects, 237 µs as arrays (`raw`), 237 µs as arrays turned into
// objects by a function made for the statement's columns, whose object literal V8 builds in one step
// and with one shape for every row; a session lookup (one row of 14), 9.5 µs → 6.5 µs (interleaved
// runs on 100 000 generated tickets). The objects are the same: the same properties in the same order,
// the later of two columns of one name winning, as better-sqlite3's own — but for a column named
// `__proto__`, which better-sqlite3 assigns (setting the row's prototype) and this keeps as a property.
import type { Statement } from "better-sqlite3";

export type RowBuilder = (values: readonly unknown[]) => Record<string, unknown>;

interface Builder {
  build: RowBuilder;
  width: number;
}

const builders = new WeakMap<Statement, Builder>();

/**
 * The rows a reading statement returns, as objects. The statement is switched to arrays the first
 * time (`raw`): it must be one only this module runs, such as one of the driver's cached statements.
 */
export function readRows(statement: Statement, parameters: readonly unknown[]): Record<string, unknown>[] {
  let builder = builders.get(statement) ?? learnColumns(statement);
  const rows = statement.all(parameters) as unknown[][];
  // SQLite prepares a statement again after the schema changed (another process's migration), and a
  // `select *` then has other columns.
  if (rows.length > 0 && rows[0]?.length !== builder.width) builder = learnColumns(statement);
  const objects = rows as unknown as Record<string, unknown>[];
  for (let index = 0; index < rows.length; index++) objects[index] = builder.build(rows[index] as unknown[]);
  return objects;
}

function learnColumns(statement: Statement): Builder {
  const columns = statement.columns().map((column) => column.name);
  const builder = { build: rowBuilder(columns), width: columns.length };
  statement.raw(true);
  builders.set(statement, builder);
  return builder;
}

/** A function making `{ [columns[i]]: values[i] }` as one object literal. */
export function rowBuilder(columns: readonly string[]): RowBuilder {
  const properties = columns.map((name, index) => {
    const key = JSON.stringify(name);
    // `__proto__: value` in a literal would set the prototype; a computed key makes it a property.
    return `${name === "__proto__" ? `[${key}]` : key}: values[${index}]`;
  });
  return new Function("values", `"use strict"; return { ${properties.join(", ")} };`) as RowBuilder;
}
