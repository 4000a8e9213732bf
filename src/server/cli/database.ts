// `extranet migrate`, `seed-demo`, `analyze` and `backup`.
import { sql } from "kysely";
import { loadConfig } from "../config";
import { refreshStatistics } from "../db/analyze";
import { migrateToLatest } from "../db/migrate";
import { closeContext, openContext } from "../runtime";
import { formatDemoLogins, seedDemo } from "../seed/demo";
import { backupSqlite } from "./backup";
import { cliMeta, err, out, withContext } from "./context";
import { CliError } from "./errors";

export async function migrateCommand(): Promise<void> {
  const ctx = await openContext(loadConfig(process.env), { migrate: false });
  try {
    const applied = await migrateToLatest(ctx.db, ctx.connection.schema);
    out(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
  } finally {
    await closeContext(ctx);
  }
}

export function seedDemoCommand() {
  return withContext(async (ctx) => {
    // As `serve` does: the seed's links are voided at once, when each demo password is set.
    const origin = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
    const logins = await seedDemo(ctx, { ...cliMeta(ctx), origin });
    out(logins ? formatDemoLogins(logins) : "demo data already present: nothing done");
  });
}

/**
 * Fresh statistics for the query planner, while the server runs. On SQLite ANALYZE writes, so it reads
 * about a thousand entries per index (`analysis_limit`), milliseconds whatever the size, instead of
 * every row: the server's writes wait for it no longer than for a command. Averages only, as after
 * every ANALYZE here (see refreshStatistics).
 */
export function analyzeCommand() {
  return withContext(async (ctx) => {
    if (ctx.connection.dialect === "sqlite") await sql`pragma analysis_limit = 1000`.execute(ctx.db);
    out("updating the query planner's statistics…");
    await refreshStatistics(ctx.db);
    out("statistics updated");
  });
}

export function backupCommand(opts: { out: string }) {
  return withContext(async (ctx) => {
    if (ctx.connection.dialect === "postgres") {
      throw new CliError(
        'this server runs on PostgreSQL: back it up with pg_dump (e.g. pg_dump -Fc "$DATABASE_URL" > extranet.dump)',
      );
    }
    await backupSqlite(ctx.connection, opts.out, err);
  });
}
