// Merging a duplicate into the ticket that continues, and linking related tickets. Both stay within
// one company (a customer must never learn of another company's ticket), are ticket commands on
// the two tickets (locked lower number first, so two opposite commands cannot deadlock) and write
// public history on both.
import type { MergeTicketRequest } from "../../../contracts/relations";
import type { Actor } from "../../../domain/policies";
import { ticketPolicies } from "../../../domain/tickets/policies";
import type { AppContext, CommandMeta } from "../../context";
import { errors } from "../../errors";
import { recordAudit } from "../audit/repository";
import { withdrawOpenEstimate } from "../billing/estimates";
import { type TicketTransaction, type TicketWrite, ticketCommand } from "../tickets/command";
import { deleteLink, insertLink, isLinked } from "./repository";

/**
 * Merges the duplicate `number` into `props.intoNumber`: the duplicate is cancelled (its clocks
 * stopped, an open estimate withdrawn) and points at the target, which continues the conversation;
 * both histories say so publicly. No rows are copied: the duplicate's history and files stay on its
 * own page.
 */
export async function mergeTicket(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  number: number,
  props: MergeTicketRequest,
): Promise<void> {
  if (props.intoNumber === number) throw errors.field("intoNumber", "validation.ticket_self", props);
  await ticketCommand(ctx, actor, async (tx) => {
    const [duplicate, target] = await tx.openInOrder([
      { number, access: ticketPolicies.merge, expectedVersion: props.version },
      {
        number: props.intoNumber,
        access: ticketPolicies.merge,
        onMissing: () => errors.field("intoNumber", "validation.ticket_unknown", props),
        onMerged: (merged, into) => errors.mergeTargetMerged(merged, into),
      },
    ]);
    if (!duplicate || !target) throw errors.notFound("ticket.not_found");
    if (target.row.company_id !== duplicate.row.company_id) throw errors.rule("ticket.merge_other_company");

    await duplicate.event({ type: "merged", related_ticket_id: target.row.id });
    await duplicate.moveTo("cancelled");
    await withdrawOpenEstimate(tx, duplicate);
    duplicate.set({ merged_into_id: target.row.id });
    duplicate.happen({ type: "merged", intoNumber: target.row.number });
    await target.event({ type: "merged_from", related_ticket_id: duplicate.row.id });
    target.happen({ type: "details_changed", audience: "company" });
    await recordAudit(tx.trx, meta, tx.now, {
      action: "ticket.merged",
      targetType: "ticket",
      targetId: duplicate.row.id,
      details: { number, intoNumber: target.row.number },
    });
  });
}

/** Which way a link changes: the history reads "#1042" in `to_value` when made, in `from_value` when undone. */
type LinkChange = "link" | "unlink";

async function writeLinkEvents(pair: readonly TicketWrite[], change: LinkChange): Promise<void> {
  const [first, second] = pair;
  if (!first || !second) return;
  for (const [ticket, other] of [
    [first, second],
    [second, first],
  ] as const) {
    const value = `#${other.row.number}`;
    await ticket.event({
      type: "linked",
      related_ticket_id: other.row.id,
      from_value: change === "unlink" ? value : null,
      to_value: change === "link" ? value : null,
    });
    ticket.happen({ type: "details_changed", audience: "company" });
  }
}

/** Both tickets of a link command, locked; the other one is a field of the request (400 when unknown). */
async function openPair(
  tx: TicketTransaction,
  number: number,
  other: number,
): Promise<[TicketWrite, TicketWrite]> {
  const [ticket, otherTicket] = await tx.openInOrder([
    { number, access: ticketPolicies.link },
    {
      number: other,
      access: ticketPolicies.link,
      onMissing: () => errors.field("number", "validation.ticket_unknown", { number: other }),
    },
  ]);
  if (!ticket || !otherTicket) throw errors.notFound("ticket.not_found");
  return [ticket, otherTicket];
}

/** Relates two tickets of the same company, both ways. */
export async function linkTickets(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  number: number,
  other: number,
): Promise<void> {
  if (other === number) throw errors.field("number", "validation.ticket_self", { number: other });
  await ticketCommand(ctx, actor, async (tx) => {
    const pair = await openPair(tx, number, other);
    const [ticket, otherTicket] = pair;
    if (ticket.row.company_id !== otherTicket.row.company_id) throw errors.rule("ticket.link_other_company");
    if (await isLinked(tx.trx, ticket.row.id, otherTicket.row.id))
      throw errors.conflict("ticket.already_linked");
    await insertLink(tx.trx, ticket.row.id, otherTicket.row.id, actor.userId, tx.now);
    await writeLinkEvents(pair, "link");
    await recordAudit(tx.trx, meta, tx.now, {
      action: "ticket.linked",
      targetType: "ticket",
      targetId: ticket.row.id,
      details: { number, other },
    });
  });
}

/** Undoes a link, both ways; 404 when either ticket is missing or they are not related. */
export async function unlinkTickets(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  number: number,
  other: number,
): Promise<void> {
  await ticketCommand(ctx, actor, async (tx) => {
    const [ticket, otherTicket] = await tx.openInOrder([
      { number, access: ticketPolicies.link },
      {
        number: other,
        access: ticketPolicies.link,
        onMissing: () => errors.notFound("ticket.link_not_found"),
      },
    ]);
    if (!ticket || !otherTicket || !(await isLinked(tx.trx, ticket.row.id, otherTicket.row.id)))
      throw errors.notFound("ticket.link_not_found");
    await deleteLink(tx.trx, ticket.row.id, otherTicket.row.id);
    await writeLinkEvents([ticket, otherTicket], "unlink");
    await recordAudit(tx.trx, meta, tx.now, {
      action: "ticket.unlinked",
      targetType: "ticket",
      targetId: ticket.row.id,
      details: { number, other },
    });
  });
}
