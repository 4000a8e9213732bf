// Group commit for SQLite: the commands that run while a commit is pending share one durable commit.
//
// SQLite has one connection per process and better-sqlite3 is synchronous, so every COMMIT blocks the
// event loop for a sync of the write-ahead log (synchronous = FULL): on this project's machines about
// as long as all of opening a ticket's own work. Instead, the first command's transaction opens an
// IMMEDIATE transaction — the group — and every command runs in a savepoint of its own inside it:
// its writes are released into the group when it succeeds and rolled back to its savepoint when it
// fails, so one command's failure never touches another's. A command's commit resolves only once the
// group itself has committed, which happens as soon as the commands already waiting for the connection
// have run (a `setImmediate` after the last one, then the connection's lock): no answer is sent before
// its change is durable, and one sync serves every command of the group. Under load that is one sync
// for many commands, with less write-ahead log too (pages two commands change are written once); alone,
// a command waits one turn of the event loop more than with its own COMMIT.
//
// What else shares the group: a statement outside any transaction that runs while a group is open runs
// inside it (reads see the group's writes, which are not yet durable; a lone write becomes durable with
// the group). Should the group's COMMIT itself fail (an I/O error, a full disk), every command of the
// group fails with that error, and such lone writes are lost with it.
//
// Transactions begin IMMEDIATE: Kysely's driver issues a plain (deferred) BEGIN, and a deferred
// transaction that has read and then writes while another process writes fails at once with
// SQLITE_BUSY ("database is locked") — SQLite cannot wait there without risking a deadlock. IMMEDIATE
// takes the write lock at BEGIN, where the busy timeout applies, so concurrent writers queue instead.
import type { Statement } from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
} from "kysely";
import { readRows } from "./sqlite-rows";

/**
 * The handle the driver runs on: better-sqlite3's, which knows whether a transaction is open. Its
 * statements are the driver's own: it reads their rows as arrays (sqlite-rows.ts).
 */
export interface GroupCommitDatabase extends SqliteDatabase {
  readonly inTransaction: boolean;
  prepare(sql: string): Statement;
}

/** Commands in one group at most: the last one commits it even with others waiting. */
const MAX_GROUP = 64;
const COMMAND = "extranet_command";

class SqliteConnection implements DatabaseConnection {
  constructor(private readonly database: GroupCommitDatabase) {}

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.database.prepare(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    if (statement.reader) return Promise.resolve({ rows: readRows(statement, parameters) as R[] });
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
      rows: [],
    });
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered on SQLite
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streaming queries are not supported on SQLite here");
  }
}

/** One use of the connection, from acquiring it to releasing it (a transaction or one statement). */
class Lease implements DatabaseConnection {
  released = false;
  grouped = false;

  constructor(private readonly connection: SqliteConnection) {}

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    return this.connection.executeQuery(compiledQuery);
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    return this.connection.streamQuery();
  }
}

/** The connection's lock: one lease at a time, handed over in the order asked. */
class Mutex {
  held = false;
  private readonly queue: (() => void)[] = [];

  lock(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  unlock(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.held = false;
  }
}

interface Group {
  /** Commands released into the group, waiting for its commit. */
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

export class GroupCommitSqliteDriver implements Driver {
  private readonly mutex = new Mutex();
  private readonly connection: SqliteConnection;
  private group: Group | undefined;
  private flushScheduled = false;

  constructor(private readonly database: GroupCommitDatabase) {
    this.connection = new SqliteConnection(database);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.mutex.lock();
    return new Lease(this.connection);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!this.group) {
      await this.run("begin immediate");
      this.group = { waiters: [] };
    }
    try {
      await this.run(`savepoint ${COMMAND}`);
    } catch (error) {
      this.scheduleFlush();
      throw error;
    }
    lease.grouped = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    const group = this.group;
    if (!lease.grouped || !group) throw new Error("commit without a transaction");
    await this.run(`release ${COMMAND}`);
    const durable = new Promise<void>((resolve, reject) => group.waiters.push({ resolve, reject }));
    // The connection is free for the next command; this one answers once the group is durable.
    this.release(lease);
    if (group.waiters.length >= MAX_GROUP) void this.flush();
    else this.scheduleFlush();
    await durable;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!lease.grouped) return;
    // An error that ended the whole transaction (SQLite does so for a few, such as a full disk) took
    // the group with it: the flush then fails the commands waiting on it.
    if (this.database.inTransaction) {
      await this.run(`rollback to ${COMMAND}`);
      await this.run(`release ${COMMAND}`);
    }
    this.scheduleFlush();
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await this.savepointCommand(connection, "savepoint", name);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await this.savepointCommand(connection, "rollback to", name);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await this.savepointCommand(connection, "release", name);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.release(connection as Lease);
  }

  /**
   * A read run at once while nothing holds the connection: what acquiring the connection, running the
   * statement and releasing it through Kysely does, without the dozen promises in between (a session
   * lookup took 18 µs through them, 10 without, in a loop). Undefined while a command holds the
   * connection: the caller then waits its turn through Kysely. Like any statement outside a
   * transaction, it runs inside the open group, if there is one.
   */
  readNow(compiledQuery: CompiledQuery): unknown[] | undefined {
    if (this.mutex.held) return undefined;
    const statement = this.database.prepare(compiledQuery.sql);
    if (!statement.reader) return undefined;
    return readRows(statement, compiledQuery.parameters);
  }

  async destroy(): Promise<void> {
    // A pending group is committed before the file closes.
    if (this.group) await this.flush();
    this.database.close();
  }

  private release(lease: Lease): void {
    if (lease.released) return;
    lease.released = true;
    this.mutex.unlock();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => void this.flush());
  }

  /** Commits the group once the commands already waiting for the connection have joined it. */
  private async flush(): Promise<void> {
    await this.mutex.lock();
    this.flushScheduled = false;
    const group = this.group;
    this.group = undefined;
    try {
      if (!group) return;
      try {
        if (!this.database.inTransaction) throw new Error("the group's transaction ended before its commit");
        await this.run("commit");
      } catch (error) {
        if (this.database.inTransaction) await this.run("rollback").catch(() => undefined);
        for (const waiter of group.waiters) waiter.reject(error);
        return;
      }
      for (const waiter of group.waiters) waiter.resolve();
    } finally {
      this.mutex.unlock();
    }
  }

  private async run(statement: string): Promise<void> {
    await this.connection.executeQuery(CompiledQuery.raw(statement));
  }

  private async savepointCommand(
    connection: DatabaseConnection,
    command: "savepoint" | "rollback to" | "release",
    name: string,
  ): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`${command} "${name.replaceAll('"', '""')}"`));
  }
}

const directReaders = new WeakMap<object, GroupCommitSqliteDriver>();

/** Lets `readDirectly` run reads of `db` (a Kysely instance, not a transaction) on `driver` at once. */
export function allowDirectReads(db: object, driver: GroupCommitSqliteDriver): void {
  directReaders.set(db, driver);
}

/**
 * The rows of a compiled read, run at once on SQLite when `db` allows it and the connection is free;
 * undefined otherwise (a transaction, PostgreSQL, a busy connection), where Kysely runs it.
 */
export function readDirectly(db: object, compiledQuery: CompiledQuery): unknown[] | undefined {
  return directReaders.get(db)?.readNow(compiledQuery);
}
