// Reading the audit trail: newest first, keyset pages over (created_at, id), each filter backed by
// its index (actor: audit_log_actor_idx, kind: audit_log_kind_idx, period alone: audit_log_created_idx).
import type { AuditTargetType } from "../../../contracts/audit";
import { json } from "../../db/json";
import type { Executor } from "../../db/schema";

export interface AuditFilter {
  actorId?: string | undefined;
  kind?: AuditTargetType | undefined;
  /** Epoch ms, inclusive. */
  fromMs?: number | undefined;
  /** Epoch ms, exclusive. */
  toMs?: number | undefined;
  /** The last row of the previous page. */
  after?: { at: number; id: string } | undefined;
}

export async function listAuditLog(db: Executor, filter: AuditFilter, limit: number) {
  const rows = await db
    .selectFrom("audit_log")
    .leftJoin("app_user as actor", "actor.id", "audit_log.actor_id")
    .select([
      "audit_log.id",
      "audit_log.actor_id",
      "actor.name as actor_name",
      "audit_log.action",
      "audit_log.target_type",
      "audit_log.target_id",
      "audit_log.details",
      "audit_log.ip",
      "audit_log.created_at",
    ])
    .$if(filter.actorId !== undefined, (qb) => qb.where("audit_log.actor_id", "=", filter.actorId ?? ""))
    .$if(filter.kind !== undefined, (qb) => qb.where("audit_log.target_type", "=", filter.kind ?? "settings"))
    .$if(filter.fromMs !== undefined, (qb) => qb.where("audit_log.created_at", ">=", filter.fromMs ?? 0))
    .$if(filter.toMs !== undefined, (qb) => qb.where("audit_log.created_at", "<", filter.toMs ?? 0))
    .$if(filter.after !== undefined, (qb) => {
      const after = filter.after ?? { at: 0, id: "" };
      return qb.where((eb) =>
        eb.or([
          eb("audit_log.created_at", "<", after.at),
          eb.and([eb("audit_log.created_at", "=", after.at), eb("audit_log.id", "<", after.id)]),
        ]),
      );
    })
    .orderBy("audit_log.created_at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, details: json.auditDetails.decode(row.details) }));
}
export type AuditLogRow = Awaited<ReturnType<typeof listAuditLog>>[number];

/** Everyone who appears as an actor in the trail, by name. */
export function listAuditActors(db: Executor) {
  return db
    .selectFrom("app_user")
    .select(["id", "name"])
    .where("id", "in", (eb) =>
      eb.selectFrom("audit_log").select("actor_id").where("actor_id", "is not", null).distinct(),
    )
    .orderBy("name")
    .orderBy("id")
    .execute()
    .then((rows) => rows.map((row) => ({ id: row.id, name: row.name })));
}

/**
 * The names the entries' records read by now, one query per kind present on the page (never per
 * row). Kinds without a readable name (settings, tokens…) are left out.
 */
export async function auditTargetLabels(
  db: Executor,
  targets: { type: AuditTargetType; id: string }[],
): Promise<Map<string, string>> {
  const idsOf = (type: AuditTargetType) => [
    ...new Set(targets.filter((target) => target.type === type).map((target) => target.id)),
  ];
  const labels = new Map<string, string>();
  const put = (type: AuditTargetType, rows: { id: string; label: string }[]) => {
    for (const row of rows) labels.set(`${type}:${row.id}`, row.label);
  };
  const named = [
    ["user", "app_user"],
    ["company", "company"],
    ["plan", "plan"],
    ["calendar", "business_calendar"],
    ["category", "category"],
    ["saved_view", "saved_view"],
    ["api_token", "api_token"],
    ["erp_installation", "erp_installation"],
  ] as const;
  for (const [type, table] of named) {
    const ids = idsOf(type);
    if (ids.length === 0) continue;
    put(type, await db.selectFrom(table).select(["id", "name as label"]).where("id", "in", ids).execute());
  }
  const cannedIds = idsOf("canned_response");
  if (cannedIds.length > 0)
    put(
      "canned_response",
      await db
        .selectFrom("canned_response")
        .select(["id", "title as label"])
        .where("id", "in", cannedIds)
        .execute(),
    );
  const articleIds = idsOf("article");
  if (articleIds.length > 0)
    put(
      "article",
      await db
        .selectFrom("article")
        .select(["id", "question as label"])
        .where("id", "in", articleIds)
        .execute(),
    );
  const screenCodes = idsOf("screen");
  if (screenCodes.length > 0) {
    const screens = await db
      .selectFrom("screen")
      .select(["code", "name"])
      .where("code", "in", screenCodes)
      .execute();
    put(
      "screen",
      screens.map((s) => ({ id: s.code, label: `${s.code} – ${s.name}` })),
    );
  }
  const ticketIds = idsOf("ticket");
  if (ticketIds.length > 0) {
    const tickets = await db
      .selectFrom("ticket")
      .select(["id", "number", "subject"])
      .where("id", "in", ticketIds)
      .execute();
    put(
      "ticket",
      tickets.map((t) => ({ id: t.id, label: `#${t.number} ${t.subject}` })),
    );
  }
  return labels;
}
