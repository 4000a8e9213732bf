// A parent row with its child rows in one query: each list of children as a JSON array column
// (`json_agg` on PostgreSQL, `json_group_array` on SQLite), so that a page is one round trip instead
// of one per list. The children keep their column names and values (numbers stay numbers, JSON
// columns stay the text their codec decodes), so they read as the rows a separate query would give.
import {
  AliasNode,
  ColumnNode,
  type Expression,
  IdentifierNode,
  type RawBuilder,
  ReferenceNode,
  type SelectQueryBuilder,
  SelectQueryNode,
  sql,
} from "kysely";
import { dialectOf } from "./dialect";
import type { Executor } from "./schema";

/** The names a query's selections come out as; every one must be named (no `selectAll`). */
function selectedNames(query: Expression<unknown>): string[] {
  const node = query.toOperationNode();
  if (!SelectQueryNode.is(node)) throw new Error("json rows: not a select query");
  return (node.selections ?? []).map(({ selection }) => {
    if (AliasNode.is(selection) && IdentifierNode.is(selection.alias)) return selection.alias.name;
    if (ReferenceNode.is(selection) && ColumnNode.is(selection.column)) return selection.column.column.name;
    throw new Error("json rows: select named columns only (no selectAll)");
  });
}

/**
 * The rows of `rows` (usually correlated with the outer query) as one JSON array, in the order of
 * `orderBy` (names among its selected columns). Read the column back with `parseJsonRows`.
 */
export function jsonRows<Row>(
  db: Executor,
  // biome-ignore lint/suspicious/noExplicitAny: any tables; only the selected row's type matters.
  rows: SelectQueryBuilder<any, any, Row>,
  orderBy: readonly (keyof Row & string)[],
): RawBuilder<Row[] | string> {
  const order = sql.join(orderBy.map((name) => sql.ref(`agg.${name}`)));
  // Named on both databases, so that a query that works on one works on the other.
  const names = selectedNames(rows);
  if (dialectOf(db) === "postgres") {
    return sql`(select coalesce(json_agg(agg order by ${order}), '[]'::json) from ${rows} as agg)`;
  }
  const object = sql.join(names.flatMap((name) => [sql.lit(name), sql.ref(`agg.${name}`)]));
  return sql`(select json_group_array(json_object(${object}) order by ${order}) from ${rows} as agg)`;
}

/** A `jsonRows` column as read: parsed by the PostgreSQL driver already, JSON text on SQLite. */
export function parseJsonRows<Row>(value: Row[] | string | null | undefined): Row[] {
  if (value === null || value === undefined) return [];
  return typeof value === "string" ? (JSON.parse(value) as Row[]) : value;
}
