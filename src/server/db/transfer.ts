// Moving the database from SQLite to PostgreSQL: which tables, in which order, and how a value reads
// on both sides. Everything is derived from the PostgreSQL catalog after the (shared) migrations ran,
// so a new table or column is copied without touching this file.
import { createHash } from "node:crypto";
import type pg from "pg";

/** Not data: the migrator's bookkeeping (written by the migrations on the target) and sessions (dropped: everyone signs in again). */
export const NOT_COPIED = new Set(["kysely_migration", "kysely_migration_lock", "session"]);

export interface TableColumn {
  name: string;
  /** PostgreSQL's type, e.g. `bigint`, `text`, `character varying(20)`. */
  type: string;
}

export interface TablePlan {
  name: string;
  columns: TableColumn[];
  /** The primary key's columns, in key order (all columns when there is none). */
  key: string[];
  /** Columns referencing the table itself (e.g. ticket.merged_into_id): set after the table's rows exist. */
  selfReferences: string[];
}

const q = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** The tables to copy, parents before children (foreign-key order), read from the migrated target. */
export async function transferPlan(client: pg.ClientBase): Promise<TablePlan[]> {
  const columns = await client.query<{ table: string; column: string; type: string }>(
    `select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type
       from pg_class c join pg_attribute a on a.attrelid = c.oid
      where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
        and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by c.relname, a.attnum`,
  );
  const keys = await client.query<{ table: string; column: string }>(
    `select c.relname as table, a.attname as column
       from pg_index i join pg_class c on c.oid = i.indrelid
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indisprimary and c.relnamespace = current_schema()::regnamespace
      order by c.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const foreign = await client.query<{ child: string; parent: string; column: string }>(
    `select child.relname as child, parent.relname as parent, a.attname as column
       from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
      where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`,
  );
  const tables = new Map<string, TablePlan>();
  for (const row of columns.rows) {
    if (NOT_COPIED.has(row.table)) continue;
    let table = tables.get(row.table);
    if (!table) {
      table = { name: row.table, columns: [], key: [], selfReferences: [] };
      tables.set(row.table, table);
    }
    table.columns.push({ name: row.column, type: row.type });
  }
  for (const row of keys.rows) tables.get(row.table)?.key.push(row.column);
  const parents = new Map<string, Set<string>>();
  for (const row of foreign.rows) {
    const table = tables.get(row.child);
    if (!table) continue;
    if (row.child === row.parent) table.selfReferences.push(row.column);
    else if (tables.has(row.parent)) {
      const set = parents.get(row.child) ?? new Set<string>();
      set.add(row.parent);
      parents.set(row.child, set);
    }
  }
  for (const table of tables.values())
    if (table.key.length === 0) table.key = table.columns.map((c) => c.name);
  // Topological order, alphabetical among equals so every run copies in the same order.
  const ordered: TablePlan[] = [];
  const placed = new Set<string>();
  const pending = [...tables.keys()].sort();
  while (pending.length > 0) {
    const ready = pending.findIndex((name) => [...(parents.get(name) ?? [])].every((p) => placed.has(p)));
    if (ready < 0) throw new Error(`foreign keys form a cycle among: ${pending.join(", ")}`);
    const [name] = pending.splice(ready, 1) as [string];
    placed.add(name);
    ordered.push(tables.get(name) as TablePlan);
  }
  return ordered;
}

const isInteger = (type: string) => type === "integer" || type === "bigint" || type === "smallint";

/**
 * A value as both databases must agree on it: SQLite's integers (flags 0/1, epoch milliseconds,
 * counts) as JavaScript numbers, text as strings, null as null. Applied to what SQLite stores and to
 * what PostgreSQL returns alike, so the checksums compare like with like.
 */
export function canonicalValue(column: TableColumn, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (isInteger(column.type)) {
    const n = typeof value === "bigint" ? Number(value) : typeof value === "string" ? Number(value) : value;
    if (typeof n !== "number" || !Number.isSafeInteger(n))
      throw new Error(`${column.name}: ${String(value)} is not a whole number`);
    return n;
  }
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (Buffer.isBuffer(value)) throw new Error(`${column.name}: binary data in a ${column.type} column`);
  throw new Error(`${column.name}: unexpected value ${String(value)}`);
}

/** A row as an object keyed by column, canonical values. */
export function canonicalRow(table: TablePlan, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of table.columns) out[column.name] = canonicalValue(column, row[column.name]);
  return out;
}

/** SHA-256 over the rows in key order, each serialized as a JSON array of its canonical values. */
export function tableHasher(table: TablePlan) {
  const hash = createHash("sha256");
  let rows = 0;
  return {
    add(row: Record<string, unknown>) {
      hash.update(JSON.stringify(table.columns.map((c) => canonicalValue(c, row[c.name]))));
      hash.update("\n");
      rows++;
    },
    digest: () => ({ rows, sha256: hash.digest("hex") }),
  };
}

/** `select … order by key` for SQLite (binary text order) and PostgreSQL (collate "C": the same byte order). */
export function orderedSelect(table: TablePlan, dialect: "sqlite" | "postgres"): string {
  const cols = table.columns.map((c) => q(c.name)).join(", ");
  const order = table.key
    .map((name) => {
      const column = table.columns.find((c) => c.name === name);
      return dialect === "postgres" && column && !isInteger(column.type) ? `${q(name)} collate "C"` : q(name);
    })
    .join(", ");
  return `select ${cols} from ${q(table.name)} order by ${order}`;
}

/** Sets the self-references of a batch once all the table's rows exist. */
export function updateSelfReferencesSql(table: TablePlan): string {
  const set = table.selfReferences.map((c) => `${q(c)} = v.${q(c)}`).join(", ");
  const match = table.key.map((k) => `t.${q(k)} = v.${q(k)}`).join(" and ");
  return `update ${q(table.name)} t set ${set} from json_populate_recordset(null::${q(table.name)}, $1::json) v where ${match}`;
}

export { q as quoteIdentifier };
