// GET /api/v1/events: the Server-Sent Events stream of every signed-in user (each receives only what
// it may see), and ticket presence for the console.
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ErrorResponse } from "../../../contracts/common";
import { PresenceList, PresenceRequest } from "../../../contracts/live";
import { TicketNumberParams } from "../../../contracts/tickets";
import { type Actor, policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import type { LiveEvent } from "../../events/bus";
import { authorize } from "../../http";
import { requireAuth, SESSION_COOKIE } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { authenticate } from "../auth/service";
import { isTicketVisible } from "../tickets/read-service";
import { mayReceive } from "./audience";
import { PresenceTracker } from "./presence";

/** A comment line keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 20_000;
/** A stream re-checks its session this often: a signed-out or disabled user stops receiving. */
const REVALIDATE_MS = 60_000;
/** A client that stops reading is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

function eventText(event: LiveEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify({ ...event.data, at: new Date(event.at).toISOString() })}\n\n`;
}

export function liveRoutes(ctx: AppContext) {
  const streams = new Set<() => void>();
  const presence = new PresenceTracker(ctx.live, () => ctx.clock.now());

  function openStream(request: FastifyRequest, reply: FastifyReply, actor: Actor): void {
    const token = request.cookies[SESSION_COOKIE] ?? "";
    const response = reply.raw;
    reply.hijack();
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-content-type-options": "nosniff",
      // nginx and the like would otherwise hold events back in their buffers.
      "x-accel-buffering": "no",
    });
    // Reconnect after 3 s; the first event tells the client it is live (and should refetch once).
    response.write(`retry: 3000\nevent: ready\ndata: {}\n\n`);

    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      unsubscribe();
      clearInterval(heartbeat);
      clearInterval(revalidate);
      streams.delete(end);
      response.end();
    };
    const write = (text: string) => {
      if (ended) return;
      if (response.writableLength > MAX_BUFFERED_BYTES) return end();
      response.write(text);
    };
    const unsubscribe = ctx.live.subscribe((event) => {
      if (mayReceive(actor, event)) write(eventText(event));
    });
    const heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
    const revalidate = setInterval(() => {
      authenticate(ctx, token)
        .then((row) => {
          if (!row) end();
        })
        .catch(() => end());
    }, REVALIDATE_MS);
    heartbeat.unref();
    revalidate.unref();
    streams.add(end);
    request.raw.on("close", end);
    response.on("error", end);
  }

  const routes = async (app: ZodApp) => {
    // Streams never finish by themselves: end them so that a graceful shutdown can drain.
    app.addHook("preClose", async () => {
      for (const end of [...streams]) end();
      presence.close();
    });

    app.get(
      "/api/v1/events",
      {
        schema: {
          tags: ["live"],
          summary:
            "Server-Sent Events (text/event-stream): ticket.created, ticket.updated, ticket.message, " +
            "ticket.note (staff), ticket.sla (staff), presence (staff), notification (own). Each event's " +
            "data names what to refresh; a customer's stream carries only its company's public changes.",
          response: { 401: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        openStream(request, reply, actor);
        return reply;
      },
    );

    app.get(
      "/api/v1/tickets/:number/presence",
      {
        schema: {
          tags: ["live", "console"],
          summary: "Who else is viewing or replying to the ticket (staff)",
          params: TicketNumberParams,
          response: { 200: PresenceList, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.console.use(actor));
        if (!(await isTicketVisible(ctx, actor, request.params.number)))
          throw errors.notFound("ticket.not_found");
        return {
          items: presence
            .of(request.params.number)
            .filter((p) => p.userId !== actor.userId)
            .map((p) => ({ ...p, at: new Date(p.at).toISOString() })),
        };
      },
    );

    app.post(
      "/api/v1/tickets/:number/presence",
      {
        schema: {
          tags: ["live", "console"],
          summary: "Announce viewing or replying (every 15 s while it lasts), or leaving (staff)",
          params: TicketNumberParams,
          body: PresenceRequest,
          response: { 204: z.null(), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const auth = requireAuth(request);
        authorize(policies.console.use(auth.actor));
        const { number } = request.params;
        if (!(await isTicketVisible(ctx, auth.actor, number))) throw errors.notFound("ticket.not_found");
        await ctx.live.publish({
          type: "presence",
          audience: { kind: "staff" },
          data: {
            ticketNumber: number,
            userId: auth.actor.userId,
            name: auth.user.name,
            state: request.body.state,
          },
          at: ctx.clock.now(),
        });
        return reply.status(204).send(null);
      },
    );
  };
  return routes;
}
