// SQLite as several processes may use it: the server, and CLI commands (migrate, backup, create-user…)
// while it runs.
//
// Transactions begin IMMEDIATE: Kysely's driver issues a plain (deferred) BEGIN, and a deferred
// transaction that has read and then writes while another process writes fails at once with
// SQLITE_BUSY ("database is locked") — SQLite cannot wait there without risking a deadlock. IMMEDIATE
// takes the write lock at BEGIN, where the busy timeout applies, so concurrent writers queue instead.
// Lone statements outside a transaction take the lock when they start and wait on busy by themselves.
//
// Migrations get a real lock. Kysely's SQLite adapter assumes one process per file and locks
// nothing, but `extranet migrate` may run while a server starts. Here the lock row is claimed with
// a conditional update (holder's start time in `is_locked`), others poll until it is free, and a
// claim older than ten minutes is taken over: a crashed migrator does not block start-up forever.
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type MigrationLockOptions,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from "kysely";

const STALE_AFTER_MS = 10 * 60_000;
const GIVE_UP_AFTER_MS = 2 * 60_000;
const POLL_MS = 50;

class LockingSqliteAdapter extends SqliteAdapter {
  override async acquireMigrationLock(db: Kysely<unknown>, options: MigrationLockOptions): Promise<void> {
    const table = sql.table(options.lockTable);
    const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
    for (;;) {
      const now = Date.now();
      const claimed = await sql`update ${table} set is_locked = ${now}
        where id = ${options.lockRowId} and (is_locked = 0 or is_locked < ${now - STALE_AFTER_MS})`.execute(
        db,
      );
      if (Number(claimed.numAffectedRows ?? 0) > 0) return;
      if (now > giveUpAt) throw new Error("another process has held the migration lock for too long");
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  override async releaseMigrationLock(db: Kysely<unknown>, options: MigrationLockOptions): Promise<void> {
    await sql`update ${sql.table(options.lockTable)} set is_locked = 0 where id = ${options.lockRowId}`.execute(
      db,
    );
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

export class LockingSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new LockingSqliteAdapter();
  }
}
