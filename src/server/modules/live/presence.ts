// Who is looking at which ticket ("Maria está vendo", "está respondendo"). Browsers announce
// themselves every PRESENCE_REFRESH_MS; each server process learns every announcement through the
// live bus (so with several processes each knows all of them) and forgets one after PRESENCE_TTL_MS
// without news. Nothing is stored: presence is a few seconds' truth, not history.
import type { LiveBus, LiveEvent } from "../../events/bus";

export type PresenceState = "viewing" | "replying";
export const PRESENCE_REFRESH_MS = 15_000;
export const PRESENCE_TTL_MS = 40_000;

export interface Presence {
  userId: string;
  name: string;
  state: PresenceState;
  /** Epoch milliseconds of the last announcement. */
  at: number;
}

export class PresenceTracker {
  private readonly byTicket = new Map<number, Map<string, Presence>>();
  private readonly unsubscribe: () => void;

  constructor(
    bus: LiveBus,
    private readonly now: () => number,
  ) {
    this.unsubscribe = bus.subscribe((event) => this.apply(event));
  }

  /** Current viewers of a ticket, the freshest first; stale ones are dropped on the way. */
  of(ticketNumber: number): Presence[] {
    const viewers = this.byTicket.get(ticketNumber);
    if (!viewers) return [];
    const cutoff = this.now() - PRESENCE_TTL_MS;
    for (const [userId, presence] of viewers) if (presence.at < cutoff) viewers.delete(userId);
    if (viewers.size === 0) this.byTicket.delete(ticketNumber);
    return [...viewers.values()].sort((a, b) => b.at - a.at);
  }

  close(): void {
    this.unsubscribe();
    this.byTicket.clear();
  }

  private apply(event: LiveEvent): void {
    if (event.type !== "presence") return;
    const { ticketNumber, userId, name, state } = event.data;
    if (typeof ticketNumber !== "number" || typeof userId !== "string" || typeof name !== "string") return;
    let viewers = this.byTicket.get(ticketNumber);
    if (state === "left") {
      viewers?.delete(userId);
      if (viewers?.size === 0) this.byTicket.delete(ticketNumber);
      return;
    }
    if (state !== "viewing" && state !== "replying") return;
    if (!viewers) {
      viewers = new Map();
      this.byTicket.set(ticketNumber, viewers);
    }
    viewers.set(userId, { userId, name, state, at: event.at });
  }
}
