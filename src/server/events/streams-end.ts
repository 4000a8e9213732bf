// Ending live-event streams at once, in every server process: after a sign-out (that session's
// streams), a password change or reset (all the user's) and a deactivation (the user's, or all of
// a company's users'). The event travels on the live bus and is never forwarded to a browser.
import type { LiveBus, LiveEvent } from "./bus";

/** Whose streams end. */
export type StreamOwner =
  | { kind: "session"; id: string }
  | { kind: "user"; id: string }
  | { kind: "company"; id: string };

/** Call after the transaction that ended the session (or the right to one) commits. */
export function endStreams(live: LiveBus, owner: StreamOwner, at: number): Promise<void> {
  return live.publish({
    type: "streams.end",
    audience: { kind: "internal" },
    data: { owner: owner.kind, id: owner.id },
    at,
  });
}

/** The owner named by a `streams.end` event; undefined for any other event. */
export function streamsEndOwner(event: LiveEvent): StreamOwner | undefined {
  if (event.type !== "streams.end") return undefined;
  const { owner, id } = event.data;
  if (typeof id !== "string") return undefined;
  if (owner === "session" || owner === "user" || owner === "company") return { kind: owner, id };
  return undefined;
}
