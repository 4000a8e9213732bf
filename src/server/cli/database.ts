// `extranet migrate`, `seed-demo` and `backup`.
import { loadConfig } from "../config";
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
