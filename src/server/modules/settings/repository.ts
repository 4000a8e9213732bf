// Settings rows: one per key, its value as JSON.
import type { Executor } from "../../db/schema";

export function listSettingRows(db: Executor) {
  return db.selectFrom("setting").select(["key", "value"]).execute();
}

export async function upsertSetting(
  db: Executor,
  row: { key: string; value: string; updated_by: string | null; updated_at: number },
): Promise<void> {
  await db
    .insertInto("setting")
    .values(row)
    .onConflict((oc) =>
      oc
        .column("key")
        .doUpdateSet({ value: row.value, updated_by: row.updated_by, updated_at: row.updated_at }),
    )
    .execute();
}
