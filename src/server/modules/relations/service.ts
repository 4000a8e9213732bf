// Merging a duplicate into the ticket that continues, and linking related tickets. Both stay within
// one company (a customer must never learn of another company's ticket), lock the two rows in number
// order (two opposite commands cannot deadlock) and write public history on both tickets.
import type { MergeTicketRequest } from "../../../contracts/relations";
import type { Priority, TicketStatus } from "../../../contracts/tickets";
import type { AppContext, CommandMeta } from "../../context";
import type { Executor } from "../../db/schema";
import { errors } from "../../errors";
import { publicTicketEvent, publishAll, type TicketRef } from "../../events/ticket-events";
import { recordAudit } from "../audit/repository";
import { advanceTicketClocks } from "../sla/clocks";
import { loadPolicy } from "../sla/policy";
import { newTicketEvent } from "../tickets/events";
import { findTicketRow, insertEvent, type TicketRow, updateTicketAt } from "../tickets/repository";
import { deleteLink, insertLink, isLinked, numberOfTicket } from "./repository";

type StaffMeta = CommandMeta & { actorId: string };

const OPEN: ReadonlySet<string> = new Set(["open", "in_progress", "waiting_customer"]);

/** Both tickets, locked lower number first; either may be missing. */
async function lockBoth(trx: Executor, number: number, other: number) {
  const lock = (n: number) => findTicketRow(trx, { kind: "all" }, n, { lock: true });
  const [low, high] = number < other ? [number, other] : [other, number];
  const lowRow = await lock(low);
  const highRow = await lock(high);
  return number < other ? { ticket: lowRow, other: highRow } : { ticket: highRow, other: lowRow };
}

/**
 * The ticket in the address and the other one named in the body, both locked. The other one is a
 * field of the request: unknown, or the same ticket, is a 400 on `field`.
 */
async function lockPair(
  trx: Executor,
  number: number,
  other: number,
  field: string,
  input: unknown,
): Promise<[TicketRow, TicketRow]> {
  if (other === number) throw errors.field(field, "validation.ticket_self", input);
  const rows = await lockBoth(trx, number, other);
  if (!rows.ticket) throw errors.notFound("ticket.not_found");
  if (!rows.other) throw errors.field(field, "validation.ticket_unknown", input);
  return [rows.ticket, rows.other];
}

const refOf = (row: TicketRow, status = row.status): TicketRef => ({
  number: row.number,
  companyId: row.company_id,
  status,
});

/**
 * Merges the duplicate `number` into `props.intoNumber`: the duplicate is cancelled (its clocks
 * stopped) and points at the target, which continues the conversation; both histories say so
 * publicly. No rows are copied: the duplicate's history and files stay on its own page.
 */
export async function mergeTicket(
  ctx: AppContext,
  meta: StaffMeta,
  number: number,
  props: MergeTicketRequest,
): Promise<void> {
  const refs = await ctx.db.transaction().execute(async (trx) => {
    const [duplicate, target] = await lockPair(trx, number, props.intoNumber, "intoNumber", props);
    if (duplicate.merged_into_id !== null)
      throw errors.merged(await numberOfTicket(trx, duplicate.merged_into_id));
    if (duplicate.version !== props.version) throw errors.conflict("ticket.stale_version");
    if (target.merged_into_id !== null)
      throw errors.mergeTargetMerged(target.number, await numberOfTicket(trx, target.merged_into_id));
    if (target.company_id !== duplicate.company_id) throw errors.rule("ticket.merge_other_company");

    const now = ctx.clock.now();
    const status = duplicate.status as TicketStatus;
    await insertEvent(
      trx,
      newTicketEvent(duplicate.id, meta.actorId, now, {
        type: "merged",
        related_ticket_id: target.id,
        ticket_version: duplicate.version + 1,
      }),
    );
    if (status !== "cancelled") {
      await insertEvent(
        trx,
        newTicketEvent(duplicate.id, meta.actorId, now, {
          type: "status_changed",
          from_status: status,
          to_status: "cancelled",
          ticket_version: duplicate.version + 1,
        }),
      );
    }
    // A resolved or cancelled duplicate has no running clock left to stop.
    if (OPEN.has(status)) {
      const clockTicket = {
        id: duplicate.id,
        priority: duplicate.priority as Priority,
        policy: await loadPolicy(trx, duplicate.sla_policy_id),
      };
      await advanceTicketClocks(
        trx,
        clockTicket,
        { kind: "status", from: status, to: "cancelled", resolvedAt: duplicate.resolved_at },
        now,
      );
    }
    await updateTicketAt(trx, duplicate.id, duplicate.version, {
      status: "cancelled",
      resolved_at: null,
      merged_into_id: target.id,
      updated_at: now,
    });
    await insertEvent(
      trx,
      newTicketEvent(target.id, meta.actorId, now, {
        type: "merged_from",
        related_ticket_id: duplicate.id,
        ticket_version: target.version + 1,
      }),
    );
    await updateTicketAt(trx, target.id, target.version, { updated_at: now });
    await recordAudit(trx, meta, now, {
      action: "ticket.merged",
      targetType: "ticket",
      targetId: duplicate.id,
      details: { number, intoNumber: target.number },
    });
    return [refOf(duplicate, "cancelled"), refOf(target)];
  });
  await publishUpdated(ctx, refs);
}

/** Which way a link changes: the history reads "#1042" in `to_value` when made, in `from_value` when undone. */
type LinkChange = "link" | "unlink";

async function writeLinkEvents(
  trx: Executor,
  meta: StaffMeta,
  pair: [TicketRow, TicketRow],
  change: LinkChange,
  now: number,
): Promise<void> {
  for (const [ticket, other] of [pair, [pair[1], pair[0]] as const]) {
    const value = `#${other.number}`;
    await insertEvent(
      trx,
      newTicketEvent(ticket.id, meta.actorId, now, {
        type: "linked",
        related_ticket_id: other.id,
        from_value: change === "unlink" ? value : null,
        to_value: change === "link" ? value : null,
        ticket_version: ticket.version + 1,
      }),
    );
    await updateTicketAt(trx, ticket.id, ticket.version, { updated_at: now });
  }
}

/** Relates two tickets of the same company, both ways. */
export async function linkTickets(
  ctx: AppContext,
  meta: StaffMeta,
  number: number,
  other: number,
): Promise<void> {
  const refs = await ctx.db.transaction().execute(async (trx) => {
    const pair = await lockPair(trx, number, other, "number", { number: other });
    const [ticket, otherRow] = pair;
    if (ticket.company_id !== otherRow.company_id) throw errors.rule("ticket.link_other_company");
    if (await isLinked(trx, ticket.id, otherRow.id)) throw errors.conflict("ticket.already_linked");
    const now = ctx.clock.now();
    await insertLink(trx, ticket.id, otherRow.id, meta.actorId, now);
    await writeLinkEvents(trx, meta, pair, "link", now);
    await recordAudit(trx, meta, now, {
      action: "ticket.linked",
      targetType: "ticket",
      targetId: ticket.id,
      details: { number, other },
    });
    return pair.map((row) => refOf(row));
  });
  await publishUpdated(ctx, refs);
}

/** Undoes a link, both ways; 404 when either ticket is missing or they are not related. */
export async function unlinkTickets(
  ctx: AppContext,
  meta: StaffMeta,
  number: number,
  other: number,
): Promise<void> {
  const refs = await ctx.db.transaction().execute(async (trx) => {
    const rows = await lockBoth(trx, number, other);
    if (!rows.ticket) throw errors.notFound("ticket.not_found");
    if (!rows.other || !(await isLinked(trx, rows.ticket.id, rows.other.id)))
      throw errors.notFound("ticket.link_not_found");
    const pair: [TicketRow, TicketRow] = [rows.ticket, rows.other];
    const now = ctx.clock.now();
    await deleteLink(trx, rows.ticket.id, rows.other.id);
    await writeLinkEvents(trx, meta, pair, "unlink", now);
    await recordAudit(trx, meta, now, {
      action: "ticket.unlinked",
      targetType: "ticket",
      targetId: rows.ticket.id,
      details: { number, other },
    });
    return pair.map((row) => refOf(row));
  });
  await publishUpdated(ctx, refs);
}

async function publishUpdated(ctx: AppContext, refs: readonly TicketRef[]): Promise<void> {
  const at = ctx.clock.now();
  await publishAll(
    ctx,
    refs.map((ref) => publicTicketEvent("ticket.updated", ref, at)),
  );
}
