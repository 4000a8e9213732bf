// Attachment retention (LGPD's necessity principle): files of tickets finalized — resolved or
// cancelled — more than `attachmentRetentionMonths` ago are removed by the maintenance job. Rows
// are claimed first (marked `purged_at` with a conditional update, so two processes never take the
// same one), then their files go; the history keeps naming the file, whose download answers 410.
import { DateTime } from "luxon";
import type { AppContext, CommandMeta } from "../../context";
import type { Executor } from "../../db/schema";
import { storageOf } from "../attachments/service";
import { recordAudit } from "../audit/repository";
import { readStoredSettings } from "../settings/service";

const BATCH = 200;
/** The job acts for nobody: its audit rows have no actor. */
const JOB_META: CommandMeta = { actorId: null, ip: null, origin: undefined };
const ZONE = "America/Sao_Paulo";

/** Attachments of tickets finalized before `cutoff` whose files are still stored. */
function expiredAttachments(db: Executor, cutoff: number, limit: number) {
  return db
    .selectFrom("attachment")
    .innerJoin("ticket", "ticket.id", "attachment.ticket_id")
    .select(["attachment.id", "ticket.number"])
    .where("attachment.purged_at", "is", null)
    .where((eb) =>
      eb.or([
        eb.and([eb("ticket.status", "=", "resolved"), eb("ticket.resolved_at", "<", cutoff)]),
        eb.and([eb("ticket.status", "=", "cancelled"), eb("ticket.updated_at", "<", cutoff)]),
      ]),
    )
    .orderBy("attachment.id")
    .limit(limit)
    .execute();
}

/** Removes the expired files in batches; returns how many. Nothing when the setting is 0. */
export async function purgeExpiredAttachments(ctx: AppContext): Promise<number> {
  const { attachmentRetentionMonths: months } = await readStoredSettings(ctx.db);
  if (months === 0) return 0;
  const now = ctx.clock.now();
  const cutoff = DateTime.fromMillis(now, { zone: ZONE }).minus({ months }).toMillis();
  const storage = storageOf(ctx);
  let removed = 0;
  for (;;) {
    const keys = await ctx.db.transaction().execute(async (trx) => {
      const expired = await expiredAttachments(trx, cutoff, BATCH);
      if (expired.length === 0) return [];
      const claimed = await trx
        .updateTable("attachment")
        .set({ purged_at: now, company_id: null })
        .where(
          "id",
          "in",
          expired.map((row) => row.id),
        )
        .where("purged_at", "is", null)
        .returning(["storage_key"])
        .execute();
      if (claimed.length > 0)
        await recordAudit(trx, JOB_META, now, {
          action: "attachments.retention_purged",
          targetType: "settings",
          targetId: "attachmentRetentionMonths",
          details: {
            files: claimed.length,
            months,
            tickets: [...new Set(expired.map((row) => row.number))].sort((a, b) => a - b),
          },
        });
      return claimed.map((row) => row.storage_key);
    });
    if (keys.length === 0) return removed;
    for (const key of keys) await storage.remove(key);
    removed += keys.length;
  }
}
