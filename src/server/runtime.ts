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

/** Connects and brings the schema up to date. */
export async function openContext(
  config: Config,
  options: ConnectOptions & { clock?: Clock; migrate?: boolean } = {},
): Promise<AppContext> {
  // An unreachable server is said in one line here, not as a failed migration later.
  if (config.database.dialect === "postgres") await ensurePostgresReachable(config.database.url);
  const connection = connect(config.database, {
    poolSize: config.databasePool.size,
    poolWaitMs: config.databasePool.waitMs,
    statementTimeoutMs: config.databasePool.statementTimeoutMs,
    ...options,
  });
  if (options.migrate !== false) {
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
    clock: options.clock ?? systemClock,
    live: createLiveBus(config.database, connection.schema, reportLiveError),
  };
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.live.close();
  await ctx.db.destroy();
}
