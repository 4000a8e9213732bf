// "Seguir esta ocorrência": a customer of the ticket's company follows it, and its e-mails reach
// them as they reach its requester. Staff follow tickets by assignment, so this is the customers'.
import { ErrorResponse, isStaffRole } from "../../../contracts/common";
import { SetTicketFollowingRequest, TicketFollowing, TicketNumberParams } from "../../../contracts/tickets";
import { type Actor, scopeOf } from "../../../domain/policies";
import type { AppContext } from "../../context";
import type { Executor } from "../../db/schema";
import { errors } from "../../errors";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { findTicketRow } from "./repository";

async function followedTicket(db: Executor, actor: Actor, number: number) {
  if (isStaffRole(actor.role)) throw errors.forbidden();
  // Another company's ticket answers as a missing one.
  const ticket = await findTicketRow(db, scopeOf(actor), number);
  if (!ticket) throw errors.notFound("ticket.not_found");
  return ticket;
}

async function followingOf(db: Executor, actor: Actor, number: number): Promise<TicketFollowing> {
  const ticket = await followedTicket(db, actor, number);
  if (ticket.requester_id === actor.userId) return { following: true, isRequester: true };
  const row = await db
    .selectFrom("ticket_follower")
    .select("user_id")
    .where("ticket_id", "=", ticket.id)
    .where("user_id", "=", actor.userId)
    .executeTakeFirst();
  return { following: row !== undefined, isRequester: false };
}

async function setFollowing(ctx: AppContext, actor: Actor, number: number, following: boolean) {
  await ctx.db.transaction().execute(async (trx) => {
    const ticket = await followedTicket(trx, actor, number);
    if (ticket.requester_id === actor.userId) return;
    await trx
      .deleteFrom("ticket_follower")
      .where("ticket_id", "=", ticket.id)
      .where("user_id", "=", actor.userId)
      .execute();
    if (following) {
      await trx
        .insertInto("ticket_follower")
        .values({ ticket_id: ticket.id, user_id: actor.userId, created_at: ctx.clock.now() })
        .execute();
    }
  });
  return followingOf(ctx.db, actor, number);
}

export function ticketFollowerRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    const responses = {
      200: TicketFollowing,
      400: ErrorResponse,
      401: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
    };
    app.get(
      "/api/v1/tickets/:number/following",
      {
        schema: {
          tags: ["tickets"],
          summary: "Whether the signed-in customer follows the ticket (gets its e-mails)",
          params: TicketNumberParams,
          response: responses,
        },
      },
      async (request) => followingOf(ctx.db, requireAuth(request).actor, request.params.number),
    );
    app.put(
      "/api/v1/tickets/:number/following",
      {
        schema: {
          tags: ["tickets"],
          summary: "Follow or stop following a ticket of one's company",
          params: TicketNumberParams,
          body: SetTicketFollowingRequest,
          response: responses,
        },
      },
      async (request) =>
        setFollowing(ctx, requireAuth(request).actor, request.params.number, request.body.following),
    );
  };
}
