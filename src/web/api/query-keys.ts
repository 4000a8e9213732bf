// The cache keys of the web client's queries, in one place so that invalidation cannot drift.
import type { TicketStatus } from "../../contracts/tickets";

/** The filters a ticket list is asked with; part of its cache key. */
export interface TicketListFilters {
  status: TicketStatus | null;
  q: string;
}

export const queryKeys = {
  me: ["me"],
  appInfo: ["app-info"],
  categories: ["categories"],
  categoryArticles: (categoryId: string, q: string) => ["articles", "category", categoryId, q] as const,
  articleSuggestions: (q: string) => ["articles", "suggestions", q] as const,
  screens: (q: string) => ["screens", q] as const,
  /** Every ticket list, whatever its filters: what a change to any ticket invalidates. */
  ticketLists: ["tickets", "list"],
  ticketList: (filters: TicketListFilters) => ["tickets", "list", filters] as const,
  ticket: (number: number) => ["tickets", "one", number] as const,
  plans: ["plans"],
  calendars: ["calendars"],
} as const;

/** Queries that do not belong to the signed-in user and survive a change of user. */
const PUBLIC_ROOTS: ReadonlySet<unknown> = new Set([queryKeys.me[0], queryKeys.appInfo[0]]);

export function belongsToUser(queryKey: readonly unknown[]): boolean {
  return !PUBLIC_ROOTS.has(queryKey[0]);
}
