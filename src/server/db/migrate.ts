// Brings the schema up to date. Kysely's migrator holds a lock, so N processes starting at once are safe.
import { type MigrationResultSet, Migrator } from "kysely";
import { migrations } from "./migrations";
import type { Db } from "./schema";

/** `schema`: PostgreSQL only, when the app works outside `public` (each test run has its own). */
export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Without it, the migrator's table check sees other schemas' bookkeeping tables.
    ...(schema && { migrationTableSchema: schema }),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName;
    // No migration ran (the bookkeeping tables or the lock failed): the error speaks for itself.
    if (failed === undefined) throw result.error;
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
