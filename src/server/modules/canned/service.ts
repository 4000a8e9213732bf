// Canned responses: list, create, change, delete (each authorized against its owner, audited, one
// transaction) and fill in for a ticket.
import { DateTime } from "luxon";
import type {
  CreateCannedResponseRequest,
  RenderCannedResponseRequest,
  UpdateCannedResponseRequest,
} from "../../../contracts/canned";
import { type Actor, policies } from "../../../domain/policies";
import { fillPlaceholders, firstNameOf } from "../../../domain/tickets/placeholders";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import { decodeCursor, toPage } from "../../db/cursor";
import type { Executor } from "../../db/schema";
import { errors } from "../../errors";
import { authorize } from "../../http";
import { recordAudit } from "../audit/repository";
import { loadPolicy } from "../sla/policy";
import { dueOrNull } from "../sla/queue-keys";
import { findTicketByNumber } from "../tickets/repository";
import {
  type CannedResponseRow,
  deleteCannedResponse,
  findCannedResponse,
  insertCannedResponse,
  listCannedResponses,
  updateCannedResponse,
} from "./repository";

/** Deadlines are written as the vendor's team reads them: Brasília time. */
const DUE_ZONE = "America/Sao_Paulo";

const notFound = () => errors.notFound("canned_response.not_found");

/** The reply, when the actor may know of it (else 404). */
async function readable(db: Executor, actor: Actor, id: string): Promise<CannedResponseRow> {
  const row = await findCannedResponse(db, id);
  if (!row) throw notFound();
  authorize(policies.cannedResponse.read(actor, { ownerId: row.owner_id }), notFound);
  return row;
}

async function changeable(db: Executor, actor: Actor, id: string): Promise<CannedResponseRow> {
  const row = await readable(db, actor, id);
  authorize(policies.cannedResponse.change(actor, { ownerId: row.owner_id }), notFound);
  return row;
}

export async function pageCannedResponses(
  ctx: AppContext,
  actor: Actor,
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
  const rows = await listCannedResponses(ctx.db, {
    readerId: actor.userId,
    contains: query.q ? query.q.toLowerCase() : undefined,
    after: after ? { title: String(after[0]), id: String(after[1]) } : undefined,
    limit: query.limit,
  });
  return toPage(rows, query.limit, (row) => [row.title, row.id]);
}

export async function createCanned(
  ctx: AppContext,
  meta: CommandMeta,
  actor: Actor,
  props: CreateCannedResponseRequest,
): Promise<CannedResponseRow> {
  authorize(policies.cannedResponse.create(actor, props.shared));
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const row: CannedResponseRow = {
      id: newId(),
      owner_id: props.shared ? null : actor.userId,
      title: props.title,
      body: props.body,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await insertCannedResponse(trx, row);
    await recordAudit(trx, meta, now, {
      action: "canned_response.created",
      targetType: "canned_response",
      targetId: row.id,
      details: { title: row.title, shared: props.shared },
    });
    return row;
  });
}

export async function changeCanned(
  ctx: AppContext,
  meta: CommandMeta,
  actor: Actor,
  id: string,
  props: UpdateCannedResponseRequest,
): Promise<CannedResponseRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await changeable(trx, actor, id);
    const values = { title: props.title, body: props.body, updated_at: ctx.clock.now() };
    await updateCannedResponse(trx, id, values);
    await recordAudit(trx, meta, values.updated_at, {
      action: "canned_response.updated",
      targetType: "canned_response",
      targetId: id,
      details: { title: props.title, shared: row.owner_id === null },
    });
    return { ...row, ...values };
  });
}

export async function removeCanned(
  ctx: AppContext,
  meta: CommandMeta,
  actor: Actor,
  id: string,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await changeable(trx, actor, id);
    await deleteCannedResponse(trx, id);
    await recordAudit(trx, meta, ctx.clock.now(), {
      action: "canned_response.deleted",
      targetType: "canned_response",
      targetId: id,
      details: { title: row.title, shared: row.owner_id === null },
    });
  });
}

/** The reply's text with the ticket's values in its placeholders. */
export async function renderCanned(
  ctx: AppContext,
  actor: Actor,
  id: string,
  props: RenderCannedResponseRequest,
): Promise<string> {
  const row = await readable(ctx.db, actor, id);
  const ticket = await findTicketByNumber(ctx.db, { kind: "all" }, props.ticketNumber);
  if (!ticket) throw errors.field("ticketNumber", "validation.ticket_unknown", props);
  const policy = await loadPolicy(ctx.db, ticket.sla_policy_id);
  const due = dueOrNull(ticket.queue_due_at);
  return fillPlaceholders(row.body, {
    customer: ticket.requester_name,
    firstName: firstNameOf(ticket.requester_name),
    company: ticket.company_name,
    ticket: String(ticket.number),
    plan: policy?.planName ?? null,
    due: due === null ? null : DateTime.fromMillis(due, { zone: DUE_ZONE }).toFormat("dd/LL/yyyy HH:mm"),
  });
}
