// Application metadata rows (key/value): markers such as "demo seeded at".
import type { Executor } from "../../db/schema";

/** Inserts the key unless present; true when this call created it (an atomic claim). */
export async function claimMetaKey(db: Executor, key: string, value: string): Promise<boolean> {
  const claimed = await db
    .insertInto("app_meta")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doNothing())
    .returning("key")
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function deleteMetaKey(db: Executor, key: string): Promise<void> {
  await db.deleteFrom("app_meta").where("key", "=", key).execute();
}

export async function readMetaKey(db: Executor, key: string): Promise<string | undefined> {
  return (await db.selectFrom("app_meta").select("value").where("key", "=", key).executeTakeFirst())?.value;
}
