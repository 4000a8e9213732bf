// The cache keys of the web client's queries, in one place so that invalidation cannot drift.
import type { QueueFilters } from "../../contracts/queue";
import type { TicketSla, TicketStatus } from "../../contracts/tickets";

/** first_response · next_response · resolution */
export type SlaMetric = TicketSla["deadlines"][number]["metric"];

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
  /** "Categorias e perguntas": everything the team's knowledge-base pages read. */
  kb: ["kb"],
  kbCategories: ["kb", "categories"],
  kbArticles: (filters: { categoryId: string; state: string | null; q: string }) =>
    ["kb", "articles", filters] as const,
  kbUnanswered: (from: string, to: string) => ["kb", "unanswered", from, to] as const,
  markdownPreview: (markdown: string) => ["markdown-preview", markdown] as const,
  screens: (q: string) => ["screens", q] as const,
  /** "Telas do ERP": the catalog's pages under a search and state, and the ranking of a period. */
  screenCatalog: (q: string, status: string) => ["console", "screens", { q, status }] as const,
  topScreens: (from: string, to: string) => ["console", "top-screens", from, to] as const,
  planConsumption: (companyId: string, month: string) => ["plan-consumption", companyId, month] as const,
  /** Every ticket list, whatever its filters: what a change to any ticket invalidates. */
  ticketLists: ["tickets", "list"],
  ticketList: (filters: TicketListFilters) => ["tickets", "list", filters] as const,
  ticket: (number: number) => ["tickets", "one", number] as const,
  /** Under the ticket's key, so that refreshing the ticket refreshes its explanations too. */
  ticketDeadline: (number: number, metric: SlaMetric) =>
    ["tickets", "one", number, "deadline", metric] as const,
  plans: ["plans"],
  calendars: ["calendars"],
  /** The signed-in staff member's notifications: the bell's unread count and its list. */
  notifications: ["notifications"],
  notificationCount: ["notifications", "unread-count"],
  notificationList: ["notifications", "list"],
  /** Under the calendars' key, so that refreshing the calendars refreshes their holidays too. */
  calendarHolidays: (calendarId: string, year: number) =>
    ["calendars", calendarId, "holidays", year] as const,
  compliance: (month: string) => ["sla", "compliance", month] as const,
  /** Everything under the console's API (queues, counts, views…): what a live ticket event refreshes. */
  console: ["console"],
  /** The phone log's pickers: companies matching what was typed, and one company's users. */
  consoleCompanies: (q: string) => ["console", "companies", q] as const,
  consoleCompanyUsers: (companyId: string) => ["console", "company-users", companyId] as const,
  /** The active support team (assignees, @mentions). */
  consoleStaff: ["console", "staff"],
  cannedResponses: ["console", "canned-responses"],
  cannedResponseSearch: (q: string) => ["console", "canned-responses", q] as const,
  ticketPresence: (number: number) => ["console", "presence", number] as const,
  /** Under the ticket's key, so that a live event about the ticket refreshes its time and estimates. */
  ticketTimeEntries: (number: number) => ["tickets", "one", number, "time-entries"] as const,
  ticketEstimates: (number: number) => ["tickets", "one", number, "estimates"] as const,
  /** Whether the signed-in customer follows the ticket. */
  ticketFollowing: (number: number) => ["tickets", "one", number, "following"] as const,
  /** "Tempo registrado": one person's time (or everyone's, userId null) over work dates, page by page. */
  loggedTime: (userId: string | null, from: string, to: string) =>
    ["console", "time-entries", { userId, from, to }] as const,
  statements: (month: string) => ["console", "statements", month] as const,
  companyStatement: (companyId: string, month: string) =>
    ["console", "statements", month, companyId] as const,
  /** The console's queue: a view's pages, every view's count (filters without view and sort), choices. */
  consoleQueue: (filters: QueueFilters) => ["console", "queue", "list", filters] as const,
  consoleQueueCounts: (filters: Omit<QueueFilters, "view" | "sort">) =>
    ["console", "queue", "counts", filters] as const,
  consoleQueueOptions: ["console", "queue", "options"],
  consoleViews: ["console", "views"],
  /** API tokens: one's own personal ones ("Meu perfil") and the service ones ("Integrações"). */
  apiTokens: ["api-tokens"],
  apiTokenList: (kind: string) => ["api-tokens", kind] as const,
  /** "Instalações do ERP" (admins). */
  erpInstallations: ["erp-installations"],
  /** "Caixa de saída": the outbox's pages by state, and one e-mail. */
  outbox: ["outbox"],
  outboxList: (state: string | null) => ["outbox", "list", state] as const,
  outboxMessage: (id: string) => ["outbox", "one", id] as const,
  emailPreferences: ["me-notification-preferences"],
  /** "Integrações" → "Webhooks": the endpoints, and one endpoint's deliveries. */
  webhooks: ["webhooks"],
  webhookDeliveries: (id: string) => ["webhooks", "deliveries", id] as const,
  /** "Empresas", "Usuários" and "Pessoas da empresa": what an account or company change refreshes. */
  accounts: ["accounts"],
  accountCompanies: (filters: Record<string, string>) => ["accounts", "companies", filters] as const,
  accountCompany: (companyId: string) => ["accounts", "company", companyId] as const,
  accountUsers: (filters: Record<string, string>) => ["accounts", "users", filters] as const,
  /** "Auditoria": every page of the trail (what a saved change refreshes), one filter set, the people. */
  auditRoot: ["console", "audit"],
  audit: (filters: { actorId: string | null; kind: string | null; from: string | null; to: string | null }) =>
    ["console", "audit", "list", filters] as const,
  auditActors: ["console", "audit", "actors"],
  settings: ["console", "settings"],
  personPrivacy: (userId: string) => ["console", "privacy", userId] as const,
} as const;

/** Queries that do not belong to the signed-in user and survive a change of user. */
const PUBLIC_ROOTS: ReadonlySet<unknown> = new Set([queryKeys.me[0], queryKeys.appInfo[0]]);

export function belongsToUser(queryKey: readonly unknown[]): boolean {
  return !PUBLIC_ROOTS.has(queryKey[0]);
}

/** Answers the server writes in the user's language (a deadline's plain lines): stale after a switch. */
export function isWrittenInUserLanguage(queryKey: readonly unknown[]): boolean {
  return queryKey[0] === "tickets" && queryKey[3] === "deadline";
}
