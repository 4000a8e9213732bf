// SQLite as several processes may use it: the server, and CLI commands (migrate, backup, create-user…)
// while it runs.
//
// Transactions are grouped and begin IMMEDIATE: see sqlite-group-commit.ts.
//
// Migrations get a real lock. Kysely's SQLite adapter assumes one process per file and locks
// nothing, but `extranet migrate` may run while a server starts. Here the lock row is claimed with
// a conditional update (holder's start time in `is_locked`), others poll until it is free, and a
// claim older than ten minutes is taken over: a crashed migrator does not block start-up forever.
import {
  type DialectAdapter,
  type Driver,
  type Kysely,
  type MigrationLockOptions,
  SqliteAdapter,
  SqliteDialect,
  sql,
} from "kysely";
import { type GroupCommitDatabase, GroupCommitSqliteDriver } from "./sqlite-group-commit";

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

export class LockingSqliteDialect extends SqliteDialect {
  readonly #database: GroupCommitDatabase;

  constructor(database: GroupCommitDatabase) {
    super({ database });
    this.#database = database;
  }

  /** The driver of the Kysely instance made with this dialect (it makes one, in its constructor). */
  driver: GroupCommitSqliteDriver | undefined;

  override createDriver(): Driver {
    this.driver = new GroupCommitSqliteDriver(this.#database);
    return this.driver;
  }

  override createAdapter(): DialectAdapter {
    return new LockingSqliteAdapter();
  }
}
