// "Auditoria": the trail as the console reads it (pages) and downloads it (a CSV streamed page by
// page, so a long period never sits in memory). Periods are days in the vendor's time zone.
import { Readable } from "node:stream";
import { DateTime } from "luxon";
import type { AuditPage, AuditQuery } from "../../../contracts/audit";
import type { Locale } from "../../../contracts/common";
import { translator } from "../../../i18n";
import {
  auditActionLabel,
  auditFieldLabel,
  auditFieldValueText,
  auditKindLabel,
} from "../../../i18n/audit-labels";
import type { AppContext } from "../../context";
import { CSV_BOM, csvLine } from "../../csv";
import { decodeCursor, encodeCursor } from "../../db/cursor";
import { errors } from "../../errors";
import {
  type AuditFilter,
  type AuditLogRow,
  auditTargetLabels,
  listAuditActors,
  listAuditLog,
} from "./log-repository";
import { type PresentedEntry, presentAuditEntry } from "./presenter";

const ZONE = "America/Sao_Paulo";
const CSV_BATCH = 500;

function filterOf(query: Omit<AuditQuery, "limit">): AuditFilter {
  const day = (date: string) => DateTime.fromISO(date, { zone: ZONE }).startOf("day");
  let after: AuditFilter["after"];
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    if (typeof at !== "number" || typeof id !== "string")
      throw errors.field("cursor", "validation.invalid_format", { cursor: query.cursor });
    after = { at, id };
  }
  return {
    actorId: query.actorId,
    kind: query.kind,
    fromMs: query.from ? day(query.from).toMillis() : undefined,
    toMs: query.to ? day(query.to).plus({ days: 1 }).toMillis() : undefined,
    after,
  };
}

async function pageOf(ctx: AppContext, filter: AuditFilter, limit: number) {
  const rows = await listAuditLog(ctx.db, filter, limit + 1);
  const page = rows.slice(0, limit);
  const labels = await auditTargetLabels(
    ctx.db,
    page.map((row) => ({ type: row.target_type, id: row.target_id })),
  );
  const last = page.at(-1);
  return {
    entries: page.map((row) => presentAuditEntry(row, labels)),
    rows: page,
    next: rows.length > limit && last ? ({ at: last.created_at, id: last.id } as const) : undefined,
  };
}

export async function auditPage(ctx: AppContext, query: AuditQuery): Promise<AuditPage> {
  const { entries, next } = await pageOf(ctx, filterOf(query), query.limit);
  return { items: entries, nextCursor: next ? encodeCursor([next.at, next.id]) : null };
}

export async function auditActors(ctx: AppContext) {
  return { items: await listAuditActors(ctx.db) };
}

/** One line per changed field (an entry without fields is one line), newest entry first. */
export function auditCsv(
  ctx: AppContext,
  query: Omit<AuditQuery, "limit" | "cursor">,
  locale: Locale,
): Readable {
  const t = translator(locale);
  const header = [
    t("audit.csv.when"),
    t("audit.csv.who"),
    t("audit.csv.kind"),
    t("audit.csv.what"),
    t("audit.csv.target"),
    t("audit.csv.field"),
    t("audit.csv.before"),
    t("audit.csv.after"),
    t("audit.csv.ip"),
  ];
  const when = (at: string) => DateTime.fromISO(at, { zone: ZONE }).toFormat("dd/MM/yyyy HH:mm");
  const linesOf = (entry: PresentedEntry, row: AuditLogRow): string[] => {
    const head = [
      when(entry.at),
      entry.actor?.name ?? t("audit.system"),
      auditKindLabel(t, entry.kind),
      auditActionLabel(t, entry.action, entry.kind),
      entry.target.label ?? entry.target.id,
    ];
    const ip = row.ip ?? "";
    if (entry.changes.length === 0) return [csvLine([...head, "", "", "", ip])];
    return entry.changes.map((change) =>
      csvLine([
        ...head,
        auditFieldLabel(t, change.field),
        auditFieldValueText(t, "pt-BR", change.field, change.before),
        auditFieldValueText(t, "pt-BR", change.field, change.after),
        ip,
      ]),
    );
  };
  async function* lines() {
    yield CSV_BOM + csvLine(header);
    let filter = filterOf(query);
    for (;;) {
      const { entries, rows, next } = await pageOf(ctx, filter, CSV_BATCH);
      const out: string[] = [];
      entries.forEach((entry, index) => {
        const row = rows[index];
        if (row) out.push(...linesOf(entry, row));
      });
      if (out.length > 0) yield out.join("");
      if (!next) return;
      filter = { ...filter, after: next };
    }
  }
  return Readable.from(lines());
}
