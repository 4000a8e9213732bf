// The cheapest round trip to the database, for health checks.
import { sql } from "kysely";
import type { Db } from "./schema";

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
