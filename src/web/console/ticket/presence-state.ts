// Who else is on a ticket, from the last fetch of GET …/presence and the live `presence` events
// received since: an announcement counts for PRESENCE_TTL_MS, "left" removes at once.
import type { Presence, PresenceState } from "../../../contracts/live";

export const PRESENCE_REFRESH_MS = 15_000;
export const PRESENCE_TTL_MS = 40_000;

export interface PresenceNews {
  userId: string;
  name: string;
  state: PresenceState | "left";
  /** When this browser heard it (epoch ms). */
  heardAt: number;
}

export interface Viewer {
  userId: string;
  name: string;
  state: PresenceState;
}

/**
 * The fetched list counts as heard when it was fetched; later live news overrides it per person.
 * Stale people and the reader themself are left out; the list is sorted by name.
 */
export function currentViewers(
  fetched: readonly Presence[],
  fetchedAt: number,
  news: readonly PresenceNews[],
  now: number,
  selfId: string,
): Viewer[] {
  const latest = new Map<string, PresenceNews>();
  for (const p of fetched) latest.set(p.userId, { ...p, heardAt: fetchedAt });
  for (const item of news) {
    const known = latest.get(item.userId);
    if (!known || item.heardAt >= known.heardAt) latest.set(item.userId, item);
  }
  const viewers: Viewer[] = [];
  for (const item of latest.values()) {
    if (item.userId === selfId || item.state === "left" || now - item.heardAt > PRESENCE_TTL_MS) continue;
    viewers.push({ userId: item.userId, name: item.name, state: item.state });
  }
  return viewers.sort((a, b) => a.name.localeCompare(b.name));
}
