// GET /api/v1/events: the Server-Sent Events stream of every signed-in user (each receives only what
// it may see), and ticket presence for the console.
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ErrorResponse } from "../../../contracts/common";
import { PresenceList, PresenceRequest } from "../../../contracts/live";
import { TicketNumberParams } from "../../../contracts/tickets";
import { type Actor, policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { toIso } from "../../db/time";
import { errors } from "../../errors";
import type { LiveEvent } from "../../events/bus";
import { type StreamOwner, streamsEndOwner } from "../../events/streams-end";
import { authorize } from "../../http";
import { opsOf } from "../../ops-state";
import { type RequestAuth, requireAuth, SESSION_COOKIE } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { authenticate } from "../auth/service";
import { isTicketVisible } from "../tickets/read-service";
import { mayReceive } from "./audience";
import { PresenceTracker } from "./presence";

/** A comment line keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 20_000;
/**
 * A stream re-checks its session this often, for sessions that simply expire; sign-out, password
 * changes and deactivations end streams at once (a `streams.end` event on the bus).
 */
const REVALIDATE_MS = 60_000;
/**
 * Open streams allowed per session and per user in one process; past them, 429. A browser needs
 * one per tab (and over HTTP/1.1 it opens at most six connections to a host in all). Refusing the
 * newcomer rather than closing the oldest: a closed EventSource reconnects within seconds, so
 * closing the oldest would make a user's tabs evict each other in turn, for ever.
 */
export const MAX_STREAMS_PER_SESSION = 5;
export const MAX_STREAMS_PER_USER = 20;
/** What a refused stream is told to wait before trying again. */
const STREAMS_RETRY_AFTER_S = 30;
/** A client that stops reading is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

function eventText(event: LiveEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify({ ...event.data, at: toIso(event.at) })}\n\n`;
}

interface OpenStream {
  sessionId: string;
  actor: Actor;
  end(): void;
}

function owns(stream: OpenStream, owner: StreamOwner): boolean {
  switch (owner.kind) {
    case "session":
      return stream.sessionId === owner.id;
    case "user":
      return stream.actor.userId === owner.id;
    case "company":
      return stream.actor.companyId === owner.id;
  }
}

export function liveRoutes(ctx: AppContext) {
  const streams = new Set<OpenStream>();
  opsOf(ctx).liveStreams = () => streams.size;
  const presence = new PresenceTracker(ctx.live, () => ctx.clock.now());

  function refuseBeyondCaps(auth: RequestAuth): void {
    let ofSession = 0;
    let ofUser = 0;
    for (const stream of streams) {
      if (stream.sessionId === auth.sessionId) ofSession++;
      if (stream.actor.userId === auth.actor.userId) ofUser++;
    }
    if (ofSession >= MAX_STREAMS_PER_SESSION || ofUser >= MAX_STREAMS_PER_USER)
      throw errors.tooManyStreams(STREAMS_RETRY_AFTER_S);
  }

  function openStream(request: FastifyRequest, reply: FastifyReply, auth: RequestAuth): void {
    const { actor } = auth;
    const token = request.cookies[SESSION_COOKIE] ?? "";
    const response = reply.raw;
    reply.hijack();
    // A stream is long by design: the server's idle-connection timeout is for other requests.
    request.raw.socket.setTimeout(0);
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
      streams.delete(stream);
      response.end();
    };
    const stream: OpenStream = { sessionId: auth.sessionId, actor, end };
    const write = (text: string) => {
      if (ended) return;
      if (response.writableLength > MAX_BUFFERED_BYTES) return end();
      response.write(text);
    };
    const unsubscribe = ctx.live.subscribe((event) => {
      const owner = streamsEndOwner(event);
      if (owner) {
        if (owns(stream, owner)) end();
        return;
      }
      if (mayReceive(actor, event)) write(eventText(event));
    });
    const heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
    const recheck = () => {
      authenticate(ctx, token)
        .then((row) => {
          if (!row) end();
        })
        .catch(() => end());
    };
    const revalidate = setInterval(recheck, REVALIDATE_MS);
    heartbeat.unref();
    revalidate.unref();
    streams.add(stream);
    // A sign-out that raced this stream's opening was announced before it listened: check once more
    // now that it listens (on PostgreSQL, once LISTEN is in place).
    ctx.live.ready().then(recheck, recheck);
    request.raw.on("close", end);
    response.on("error", end);
  }

  const routes = async (app: ZodApp) => {
    // Streams never finish by themselves: end them so that a graceful shutdown can drain.
    app.addHook("preClose", async () => {
      for (const stream of [...streams]) stream.end();
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
          response: { 401: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => {
        const auth = requireAuth(request);
        refuseBeyondCaps(auth);
        openStream(request, reply, auth);
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
            .map((p) => ({ ...p, at: toIso(p.at) })),
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
