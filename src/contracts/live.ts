// Live events (Server-Sent Events at GET /api/v1/events) and ticket presence.
import { z } from "zod";
import { Id } from "./common";

export const LiveEventType = z.enum([
  "ticket.created",
  "ticket.updated",
  "ticket.message",
  "ticket.note",
  "ticket.sla",
  "presence",
  "notification",
]);
export type LiveEventType = z.infer<typeof LiveEventType>;

/** One SSE message's `data`: what to refresh, never message bodies. */
export const LiveEventData = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type LiveEventData = z.infer<typeof LiveEventData>;

export const PresenceState = z.enum(["viewing", "replying"]);
export type PresenceState = z.infer<typeof PresenceState>;

export const PresenceRequest = z.strictObject({
  /** "left" when the agent closes the ticket. */
  state: z.enum(["viewing", "replying", "left"]),
});
export type PresenceRequest = z.infer<typeof PresenceRequest>;

export const Presence = z.object({
  userId: Id,
  name: z.string(),
  state: PresenceState,
  at: z.string(),
});
export type Presence = z.infer<typeof Presence>;

export const PresenceList = z.object({ items: z.array(Presence) });
export type PresenceList = z.infer<typeof PresenceList>;
