// Presence on a console ticket: announce "viewing" on open and every 15 s ("replying" while writing),
// "left" on the way out; and follow who else is there.
import { useEffect, useState } from "react";
import type { PresenceState } from "../../../contracts/live";
import { announcePresence, useTicketPresence } from "../../api/console-work";
import { useLiveEvent } from "../../api/live";
import { useCurrentUser } from "../../shell/current-user";
import { currentViewers, PRESENCE_REFRESH_MS, type PresenceNews, type Viewer } from "./presence-state";

/** How often the list is re-read for people who went quiet. */
const EXPIRY_TICK_MS = 5_000;

const quietly = (promise: Promise<void>) => promise.catch(() => {});

export function useAnnouncePresence(number: number, state: PresenceState): void {
  useEffect(() => {
    void quietly(announcePresence(number, state));
    const timer = setInterval(() => void quietly(announcePresence(number, state)), PRESENCE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [number, state]);
  // Only when the page goes, not when the state changes.
  useEffect(() => () => void quietly(announcePresence(number, "left")), [number]);
}

export function useViewers(number: number): Viewer[] {
  const me = useCurrentUser();
  const fetched = useTicketPresence(number);
  const [news, setNews] = useState<PresenceNews[]>([]);
  const [now, setNow] = useState(() => Date.now());
  useLiveEvent("presence", (data) => {
    const { ticketNumber, userId, name, state } = data;
    if (ticketNumber !== number || typeof userId !== "string" || typeof name !== "string") return;
    if (state !== "viewing" && state !== "replying" && state !== "left") return;
    const heardAt = Date.now();
    setNews((all) => [...all.filter((n) => n.userId !== userId), { userId, name, state, heardAt }]);
    setNow(heardAt);
  });
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), EXPIRY_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return currentViewers(fetched.data?.items ?? [], fetched.dataUpdatedAt, news, now, me.id);
}
