// Opening and closing the pieces a running server or a CLI command needs.
import type { Config } from "./config";
import { type AppContext, type Clock, systemClock } from "./context";
import { type ConnectOptions, connect } from "./db/connect";
import { migrateToLatest } from "./db/migrate";
import { ensurePostgresReachable } from "./db/unavailable";
import { createLiveBus } from "./events/bus";

/** Live-event trouble (a lost LISTEN connection) is reported, never fatal: clients refetch. */
const reportLiveError = (error: unknown) =>
  process.stderr.write(`extranet: live events: ${error instanceof Error ? error.message : String(error)}\n`);

/**
 * Connects and brings the schema up to date. `serving`: the server's own connection, whose statements
 * are bounded by DATABASE_STATEMENT_TIMEOUT_MS on PostgreSQL (CLI commands and migrations are not:
 * rebuilding an index on a large table may rightly take minutes).
 */
export async function openContext(
  config: Config,
  options: ConnectOptions & { clock?: Clock; migrate?: boolean; serving?: boolean } = {},
): Promise<AppContext> {
  // An unreachable server is said in one line here, not as a failed migration later.
  if (config.database.dialect === "postgres") await ensurePostgresReachable(config.database.url);
  const { clock, migrate, serving, ...connectOptions } = options;
  const bounded = serving === true && config.database.dialect === "postgres";
  if (migrate !== false && bounded) {
    // Migrations on a connection of their own, without the statement timeout.
    const migrator = connect(config.database, { searchPath: connectOptions.searchPath, poolSize: 1 });
    try {
      await migrateToLatest(migrator.db, migrator.schema);
    } finally {
      await migrator.db.destroy();
    }
  }
  const connection = connect(config.database, {
    poolSize: config.databasePool.size,
    poolWaitMs: config.databasePool.waitMs,
    ...(bounded && { statementTimeoutMs: config.databasePool.statementTimeoutMs }),
    ...connectOptions,
  });
  if (migrate !== false && !bounded) {
    try {
      await migrateToLatest(connection.db, connection.schema);
    } catch (error) {
      await connection.db.destroy();
      throw error;
    }
  }
  return {
    config,
    db: connection.db,
    connection,
    clock: clock ?? systemClock,
    live: createLiveBus(config.database, connection.schema, reportLiveError),
  };
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.live.close();
  await ctx.db.destroy();
}
