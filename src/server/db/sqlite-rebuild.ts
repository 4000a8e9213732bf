// SQLite cannot add or drop a constraint on an existing table: a migration that must rebuilds the
// table, following SQLite's own procedure (https://www.sqlite.org/lang_altertable.html#otheralter):
// foreign keys off outside the transaction; in one transaction create "new_X" in the revised form,
// copy the rows (rowids included: the article search index is keyed by them), drop X, rename new_X
// to X, recreate X's indexes and triggers (the full-text ones among them), check every foreign key;
// commit; foreign keys back on. Kysely runs SQLite migrations outside any transaction (its adapter
// has no transactional DDL), which is what makes the first step possible; the migration lock
// (sqlite-dialect.ts) keeps a second process out meanwhile.
import { type Kysely, sql } from "kysely";

/** One table to rebuild: its stored CREATE TABLE text in, the revised text out. */
export interface TableRevision {
  table: string;
  revise(createSql: string): string;
}

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

export async function rebuildSqliteTables(
  db: Kysely<unknown>,
  revisions: readonly TableRevision[],
): Promise<void> {
  await db.connection().execute(async (connection) => {
    const foreignKeysOn = (await pragma(connection, "foreign_keys")) === 1;
    if (foreignKeysOn) {
      await sql`pragma foreign_keys = off`.execute(connection);
      // The pragma is a no-op inside a transaction; rebuilding with foreign keys on would delete rows.
      if ((await pragma(connection, "foreign_keys")) !== 0) {
        throw new Error(
          "rebuilding a SQLite table needs foreign keys off, which cannot be done in a transaction",
        );
      }
    }
    try {
      await immediateTransaction(connection, async () => {
        for (const revision of revisions) await rebuild(connection, revision);
        if (foreignKeysOn) {
          const broken = await sql<Record<string, unknown>>`pragma foreign_key_check`.execute(connection);
          if (broken.rows.length > 0) {
            throw new Error(`the rebuild broke foreign keys: ${JSON.stringify(broken.rows.slice(0, 5))}`);
          }
        }
      });
    } finally {
      if (foreignKeysOn) await sql`pragma foreign_keys = on`.execute(connection);
    }
  });
}

/**
 * IMMEDIATE: the write lock is taken (waiting out the busy timeout) before the first read. A deferred
 * transaction that reads first and then writes gets SQLITE_BUSY at once, without waiting, if another
 * process writes at that moment (as a second server polling for the migration lock does).
 */
async function immediateTransaction(connection: Kysely<unknown>, work: () => Promise<void>): Promise<void> {
  await sql`begin immediate`.execute(connection);
  try {
    await work();
  } catch (error) {
    // Some errors end the transaction by themselves; the original error is the one to report.
    await sql`rollback`.execute(connection).catch(() => undefined);
    throw error;
  }
  await sql`commit`.execute(connection);
}

async function rebuild(db: Kysely<unknown>, { table, revise }: TableRevision): Promise<void> {
  const objects = await sql<SchemaObject>`select type, name, sql from sqlite_master
    where tbl_name = ${table} and sql is not null order by type = 'table' desc, rowid`.execute(db);
  const [definition, ...dependents] = objects.rows;
  if (definition?.type !== "table") throw new Error(`no table ${table} to rebuild`);
  const revised = revise(definition.sql);
  if (revised === definition.sql) return;
  const staging = `new_${table}`;
  const created = revised.replace(/^CREATE TABLE\s+("?)(\w+)\1\s*\(/i, `CREATE TABLE "${staging}" (`);
  if (created === revised) throw new Error(`unexpected definition of ${table}: ${definition.sql}`);
  const columns = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  const list = sql.join([sql.raw("rowid"), ...columns.rows.map((c) => sql.ref(c.name))]);

  await sql.raw(created).execute(db);
  await sql`insert into ${sql.table(staging)} (${list}) select ${list} from ${sql.table(table)}`.execute(db);
  await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table ${sql.table(staging)} rename to ${sql.table(table)}`.execute(db);
  // Indexes and triggers went with the old table (the full-text index's rows did not: they are kept
  // in step by these triggers, and the rows kept their keys).
  for (const dependent of dependents) await sql.raw(dependent.sql).execute(db);
}

async function pragma(db: Kysely<unknown>, name: "foreign_keys"): Promise<unknown> {
  const result = await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(db);
  return result.rows[0]?.[name];
}
