// Live updates: one EventSource per signed-in tab (GET /api/v1/events). Each event refreshes what it
// names (a ticket, the lists, the queues, the bell) and reaches any component that listens for it
// (presence). On (re)connect everything the user sees is refetched once, so nothing missed while
// offline stays stale.
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import {
  type LiveEventData,
  type LiveEventType,
  LiveEventType as LiveEventTypes,
} from "../../contracts/live";
import { useMe } from "./me";
import { queryKeys } from "./query-keys";
import { createRefreshBatcher, type RefreshBatcher } from "./refresh-batcher";

export interface LiveMessage {
  type: LiveEventType;
  data: LiveEventData;
}
type Listener = (message: LiveMessage) => void;

interface LiveContextValue {
  /** True while the stream is open. */
  connected: boolean;
  subscribe: (listener: Listener) => () => void;
}

const LiveContext = createContext<LiveContextValue>({ connected: false, subscribe: () => () => {} });

/** What a message makes stale; the rest of the cache stays. */
export function keysToRefresh(message: LiveMessage): (readonly unknown[])[] {
  const number = typeof message.data.ticketNumber === "number" ? message.data.ticketNumber : undefined;
  switch (message.type) {
    case "ticket.created":
      return [queryKeys.ticketLists, queryKeys.console];
    case "ticket.updated":
    case "ticket.message":
    case "ticket.note":
    case "ticket.sla":
      return [
        queryKeys.ticketLists,
        queryKeys.console,
        ...(number === undefined ? [] : [queryKeys.ticket(number)]),
      ];
    case "notification":
      return [queryKeys.notifications];
    case "presence":
      return [];
  }
}

/** A ticket's own page refreshes at once; lists, queues and counts are shared by every console. */
const isOneTicket = (key: readonly unknown[]) => key[0] === "tickets" && key[1] === "one";

/** Batched refreshes wait 150 ms plus up to 850 ms: within the second or two the console promises. */
const BATCH = { minDelayMs: 150, jitterMs: 850 };

function batcherFor(queryClient: QueryClient): RefreshBatcher {
  return createRefreshBatcher((keys) => {
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  }, BATCH);
}

function refresh(batcher: RefreshBatcher, message: LiveMessage): void {
  const keys = keysToRefresh(message);
  batcher.now(keys.filter(isOneTicket));
  batcher.soon(keys.filter((key) => !isOneTicket(key)));
}

export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const userId = me?.id;
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);
  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo(() => ({ connected, subscribe }), [connected, subscribe]);

  useEffect(() => {
    if (!userId || typeof EventSource === "undefined") return;
    const source = new EventSource("/api/v1/events");
    const batcher = batcherFor(queryClient);
    const dispatch = (type: LiveEventType) => (event: MessageEvent<string>) => {
      let data: LiveEventData;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      const message = { type, data };
      refresh(batcher, message);
      for (const listener of listeners.current) listener(message);
    };
    for (const type of LiveEventTypes.options) source.addEventListener(type, dispatch(type));
    source.addEventListener("ready", () => {
      setConnected(true);
      // Whatever happened while we were not listening: refetch what is on screen.
      void queryClient.invalidateQueries({ queryKey: queryKeys.ticketLists });
      void queryClient.invalidateQueries({ queryKey: queryKeys.console });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    });
    source.addEventListener("error", () => setConnected(false));
    return () => {
      batcher.cancel();
      source.close();
      setConnected(false);
    };
  }, [userId, queryClient]);

  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Whether live updates flow (the console shows it; polling can back off while they do). */
export function useLiveConnected(): boolean {
  return useContext(LiveContext).connected;
}

/** Calls `listener` for each live message of `type` while the component is mounted. */
export function useLiveEvent(type: LiveEventType, listener: (data: LiveEventData) => void): void {
  const { subscribe } = useContext(LiveContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(
    () =>
      subscribe((message) => {
        if (message.type === type) latest.current(message.data);
      }),
    [subscribe, type],
  );
}
