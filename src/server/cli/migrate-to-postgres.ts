// `extranet migrate-to-postgres --to postgres://…`: copies the SQLite database into an empty PostgreSQL
// database in one transaction (an interrupted copy leaves the target as empty as it was, so it can be
// run again), then verifies row counts and a SHA-256 per table on both sides.
import SQLite from "better-sqlite3";
import { Kysely } from "kysely";
import pg from "pg";
import { loadConfig } from "../config";
import { connect } from "../db/connect";
import { copyRows } from "../db/copy";
import { migrateToLatest } from "../db/migrate";
import { CurrentSchemaPostgresDialect } from "../db/postgres-introspector";
import type { Database } from "../db/schema";
import { slices } from "../db/slices";
import { LockingSqliteDialect } from "../db/sqlite-dialect";
import { lockSqliteServer } from "../db/sqlite-server-lock";
import {
  canonicalRow,
  NOT_COPIED,
  orderedSelect,
  quoteIdentifier as q,
  type TablePlan,
  tableHasher,
  transferPlan,
  updateSelfReferencesSql,
} from "../db/transfer";
import { ensurePostgresReachable } from "../db/unavailable";
import { err, out } from "./context";
import { CliError } from "./errors";
import { progress } from "./progress";

pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface MigrateToPostgresOptions {
  to: string;
  verifyOnly?: boolean;
  batchSize?: number;
}

interface TableCheck {
  table: string;
  source: { rows: number; sha256: string };
  target: { rows: number; sha256: string };
}

export async function migrateToPostgresCommand(opts: MigrateToPostgresOptions): Promise<void> {
  const config = loadConfig(process.env);
  if (config.database.dialect !== "sqlite")
    throw new CliError(
      "migrate-to-postgres copies from SQLite: unset DATABASE_URL (or point it at sqlite:…)",
    );
  if (!/^postgres(ql)?:\/\//.test(opts.to))
    throw new CliError("--to must be a postgres:// or postgresql:// URL");
  await ensurePostgresReachable(opts.to);
  // No server may write to the source while it is copied (nor start): the serve lock is ours.
  const lock = lockSqliteServer(config.database.file);
  const source = connect(config.database);
  const client = new pg.Client({ connectionString: opts.to });
  try {
    await migrateToLatest(source.db);
    const sqlite = source.sqlite as SQLite.Database;
    await client.connect();
    const target = new Kysely<Database>({
      dialect: new CurrentSchemaPostgresDialect({ pool: new pg.Pool({ connectionString: opts.to, max: 1 }) }),
    });
    try {
      const applied = await migrateToLatest(target);
      if (!opts.verifyOnly) err(`target migrated: ${applied.length} migrations applied`);
    } finally {
      await target.destroy();
    }
    const plan = await transferPlan(client);
    for (const table of plan) {
      const exists = sqlite
        .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
        .get(table.name);
      if (!exists) throw new CliError(`the source has no table ${table.name}: is it an Extranet database?`);
    }
    // Every SQLite table is accounted for: copied, or knowingly left (full-text index, bookkeeping, sessions).
    const planned = new Set(plan.map((t) => t.name));
    const left = (
      sqlite
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'",
        )
        .pluck()
        .all() as string[]
    ).filter((name) => !planned.has(name) && !NOT_COPIED.has(name) && !/_fts(_|$)/.test(name));
    if (left.length > 0)
      throw new CliError(`the target has no table for ${left.join(", ")}: are both on the same version?`);
    if (!opts.verifyOnly) {
      await ensureEmpty(client, plan);
      await copy(sqlite, client, plan, opts.batchSize ?? 1000);
      out(
        `attachments: their files are not copied; point EXTRANET_ATTACHMENTS_DIR of the new servers at ${config.attachmentsDir}`,
      );
    }
    const checks: TableCheck[] = [];
    for (const table of plan) {
      checks.push({
        table: table.name,
        source: hashSqlite(sqlite, table),
        target: await hashPostgres(client, table),
      });
    }
    printChecks(checks);
    const sequences = await checkSequences(client);
    for (const c of sequences)
      out(
        `sequence ${c.sequence}: next ${c.next}, highest ${c.table}.${c.column} ${c.highest ?? "none"}  ${
          sequenceAhead(c) ? "ok" : "BEHIND"
        }`,
      );
    const failed = checks.filter(
      (c) => c.source.rows !== c.target.rows || c.source.sha256 !== c.target.sha256,
    );
    const behind = sequences.filter((c) => !sequenceAhead(c));
    if (failed.length > 0 || behind.length > 0)
      throw new CliError(
        `verification failed: ${[
          ...(failed.length > 0
            ? [`${failed.map((c) => c.table).join(", ")} differ between SQLite and PostgreSQL`]
            : []),
          ...behind.map((c) => `${c.sequence} would give ${c.next} again (${c.table}.${c.column} holds it)`),
        ].join("; ")}`,
      );
    out(
      opts.verifyOnly
        ? `verified: ${checks.length} tables identical`
        : `copied and verified ${checks.length} tables; sessions were not copied (everyone signs in again)`,
    );
  } finally {
    await client.end().catch(() => {});
    await source.db.destroy();
    lock.release();
  }
}

/** The rows a freshly migrated database holds (e.g. the ticket-number counter row), by table. */
async function freshlyMigrated(plan: TablePlan[]): Promise<Map<string, string>> {
  const memory = new SQLite(":memory:");
  const db = new Kysely<Database>({ dialect: new LockingSqliteDialect(memory) });
  try {
    await migrateToLatest(db);
    const seeded = new Map<string, string>();
    for (const table of plan) {
      const digest = hashSqlite(memory, table);
      if (digest.rows > 0) seeded.set(table.name, digest.sha256);
    }
    return seeded;
  } finally {
    await db.destroy();
  }
}

/** Empty: no table holds rows beyond what the migrations themselves write. */
async function ensureEmpty(client: pg.Client, plan: TablePlan[]): Promise<void> {
  const seeded = await freshlyMigrated(plan);
  const holding: string[] = [];
  for (const table of plan) {
    const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from ${q(table.name)}`);
    const n = rows[0]?.n ?? 0;
    if (n === 0) continue;
    const fresh = seeded.get(table.name);
    if (fresh !== undefined && (await hashPostgres(client, table)).sha256 === fresh) continue;
    holding.push(`${table.name} (${n} rows)`);
  }
  if (holding.length > 0)
    throw new CliError(
      `the target database is not empty: ${holding.join(", ")}; migrate-to-postgres only copies into an empty database (create a new one, e.g. createdb extranet)`,
    );
}

async function copy(sqlite: SQLite.Database, client: pg.Client, plan: TablePlan[], batchSize: number) {
  await client.query("begin");
  try {
    for (const table of plan) {
      // Rows the migrations wrote (the counters) are replaced by the source's.
      await client.query(`delete from ${q(table.name)}`);
      const total = (sqlite.prepare(`select count(*) as n from ${q(table.name)}`).get() as { n: number }).n;
      const report = progress(`copy ${table.name}`);
      report(0, total);
      const relink = table.selfReferences.length > 0 ? updateSelfReferencesSql(table) : undefined;
      const links: Record<string, unknown>[] = [];
      const columns = table.columns.map((c) => c.name);
      function* rows(): Generator<unknown[]> {
        for (const raw of sqlite.prepare(orderedSelect(table, "sqlite")).iterate()) {
          const row = canonicalRow(table, raw as Record<string, unknown>);
          if (relink && table.selfReferences.some((c) => row[c] !== null)) {
            links.push({ ...row });
            for (const c of table.selfReferences) row[c] = null;
          }
          yield columns.map((c) => row[c]);
        }
      }
      let done = 0;
      await copyRows(client, table.name, columns, rows(), {
        chunkRows: batchSize,
        onRows: (count) => {
          done += count;
          report(done, total);
        },
      });
      if (relink)
        for (const slice of slices(links, batchSize)) await client.query(relink, [JSON.stringify(slice)]);
    }
    await setSequences(client);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  }
  // Fresh statistics for the planner, which has none for freshly loaded tables until autovacuum runs.
  err("updating the query planner's statistics…");
  await client.query("analyze");
}

/** A sequence a column owns (an identity or serial column, or ticket.number's `ticket_number_seq`). */
interface OwnedSequence {
  table: string;
  column: string;
  /** As pg_get_serial_sequence names it: schema-qualified and quoted where needed. */
  sequence: string;
}

async function ownedSequences(client: pg.Client): Promise<OwnedSequence[]> {
  const { rows } = await client.query<OwnedSequence>(
    `select c.relname as table, a.attname as column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
       from pg_class c join pg_attribute a on a.attrelid = c.oid
      where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and a.attnum > 0
        and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null
      order by c.relname, a.attname`,
  );
  return rows;
}

/** Owned sequences continue after the copied values: the next ticket opened follows the last copied. */
async function setSequences(client: pg.Client): Promise<void> {
  for (const row of await ownedSequences(client)) {
    await client.query(
      `select setval($1, coalesce((select max(${q(row.column)}) from ${q(row.table)}), 0) + 1, false)`,
      [row.sequence],
    );
    err(`sequence ${row.sequence} set after the copied ${row.table}.${row.column}`);
  }
}

interface SequenceCheck extends OwnedSequence {
  /** The value the sequence gives next. */
  next: number;
  /** The column's highest value; null when the table is empty. */
  highest: number | null;
}

/** Each owned sequence gives a value above every one its column holds, or a new row would collide. */
async function checkSequences(client: pg.Client): Promise<SequenceCheck[]> {
  const checks: SequenceCheck[] = [];
  for (const row of await ownedSequences(client)) {
    // The name comes from pg_get_serial_sequence, quoted by PostgreSQL itself; the schema's
    // sequences count by one.
    const { rows } = await client.query<{ next: number; highest: number | null }>(
      `select (select case when is_called then last_value + 1 else last_value end from ${row.sequence})::bigint as next,
              (select max(${q(row.column)}) from ${q(row.table)})::bigint as highest`,
    );
    const [found] = rows;
    if (!found) throw new CliError(`sequence ${row.sequence} could not be read`);
    checks.push({ ...row, ...found });
  }
  return checks;
}

const sequenceAhead = (check: SequenceCheck) => check.highest === null || check.next > check.highest;

function hashSqlite(sqlite: SQLite.Database, table: TablePlan) {
  const hasher = tableHasher(table);
  for (const row of sqlite.prepare(orderedSelect(table, "sqlite")).iterate())
    hasher.add(row as Record<string, unknown>);
  return hasher.digest();
}

/** Reads through a cursor, so a large table is never held in memory whole. */
async function hashPostgres(client: pg.Client, table: TablePlan) {
  const hasher = tableHasher(table);
  await client.query("begin read only");
  try {
    await client.query(`declare rows_cursor no scroll cursor for ${orderedSelect(table, "postgres")}`);
    for (;;) {
      const { rows } = await client.query("fetch 2000 from rows_cursor");
      for (const row of rows) hasher.add(row);
      if (rows.length < 2000) break;
    }
  } finally {
    await client.query("commit");
  }
  return hasher.digest();
}

function printChecks(checks: TableCheck[]): void {
  const width = Math.max(5, ...checks.map((c) => c.table.length));
  out(`${"table".padEnd(width)}  ${"sqlite".padStart(8)}  ${"postgres".padStart(8)}  checksum`);
  for (const c of checks) {
    const same = c.source.rows === c.target.rows && c.source.sha256 === c.target.sha256;
    out(
      `${c.table.padEnd(width)}  ${String(c.source.rows).padStart(8)}  ${String(c.target.rows).padStart(8)}  ${
        same
          ? `ok ${c.source.sha256.slice(0, 12)}`
          : `MISMATCH sqlite ${c.source.sha256.slice(0, 12)} postgres ${c.target.sha256.slice(0, 12)}`
      }`,
    );
  }
}
