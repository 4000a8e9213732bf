// Reading a table's CHECK constraints back from the database, on either dialect: what the schema
// tests compare with schema.ts and the migration tests look for.
import { sql } from "kysely";
import type { Connection } from "../../src/server/db/connect";

/** The text of the check named `name` on `table` (PostgreSQL's rendering, or SQLite's stored text); undefined when absent. */
export async function checkText(
  connection: Connection,
  table: string,
  name: string,
): Promise<string | undefined> {
  if (connection.dialect === "postgres") {
    const result = await sql<{ def: string }>`select pg_get_constraintdef(c.oid) as def
      from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      join pg_namespace n on n.oid = t.relnamespace
      where c.contype = 'c' and t.relname = ${table} and c.conname = ${name}
        and n.nspname = ${connection.schema ?? "public"}`.execute(connection.db);
    return result.rows[0]?.def;
  }
  const result = await sql<{ sql: string }>`select sql from sqlite_master
    where type = 'table' and name = ${table}`.execute(connection.db);
  const definition = result.rows[0]?.sql ?? "";
  const opening = `constraint "${name}" check (`;
  const start = definition.indexOf(opening);
  if (start < 0) return undefined;
  let depth = 1;
  let index = start + opening.length;
  for (; index < definition.length && depth > 0; index++) {
    if (definition[index] === "(") depth++;
    else if (definition[index] === ")") depth--;
  }
  return definition.slice(start + opening.length, index - 1);
}

/** The quoted string literals of a check: the values an `in (…)` list allows. */
export function quotedValues(text: string): string[] {
  return [...text.matchAll(/'((?:[^']|'')*)'/g)].map((match) => (match[1] ?? "").replaceAll("''", "'"));
}
