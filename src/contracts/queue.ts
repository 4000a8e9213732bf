// The support console's queue ("fila"): views, filters, sorts and keyset pages over every company's
// tickets, the count of each view, and the filters a supervisor saves as a named view.
import { z } from "zod";
import { Id, Instant, PageQuery, pageOf } from "./common";
import { ScreenCode } from "./screens";
import { Priority, TicketChannel, TicketKind, TicketStatus } from "./tickets";

/**
 * não atribuídas (open, nobody assigned) · minhas (open, assigned to me) · abertas (every open
 * status) · aguardando cliente · vence em breve / violado (a running deadline past its warning) ·
 * finalizadas.
 */
export const QueueView = z.enum(["unassigned", "mine", "open", "waiting", "at_risk", "resolved"]);
export type QueueView = z.infer<typeof QueueView>;

/**
 * due: the earliest running deadline first (none last) · priority: urgent first, then by due ·
 * updated: latest customer-visible change first. Finished tickets have no deadline: the
 * `resolved` view is always by last update.
 */
export const QueueSort = z.enum(["due", "priority", "updated"]);
export type QueueSort = z.infer<typeof QueueSort>;

/** The order a view is actually listed in (finished tickets have no deadline to sort by). */
export const effectiveSort = (filters: { view: QueueView; sort: QueueSort }): QueueSort =>
  filters.view === "resolved" ? "updated" : filters.sort;

/** The queue's deadline state: no prazo · vence em breve · violado · none (no running deadline). */
export const QueueSlaState = z.enum(["on_time", "due_soon", "breached", "none"]);
export type QueueSlaState = z.infer<typeof QueueSlaState>;

/** "me" in a filter is whoever looks at the queue: a shared "minhas urgentes" works for everyone. */
export const ASSIGNEE_ME = "me";

export const QueueTag = z.string().trim().min(1).max(40);

/** The filters, shared by the address bar, the API and saved views. */
const filterShape = {
  view: QueueView.default("open"),
  companyId: Id.optional(),
  categoryId: Id.optional(),
  screenCode: ScreenCode.optional(),
  priority: Priority.optional(),
  kind: TicketKind.optional(),
  channel: TicketChannel.optional(),
  /** A staff member's id, or "me". */
  assigneeId: z.union([Id, z.literal(ASSIGNEE_ME)]).optional(),
  tag: QueueTag.optional(),
  /**
   * A ticket number ("1042" or "#1042", listed first) or words of the ticket's public text: tickets
   * with most of the words (all of one or two), in the view's own order.
   */
  q: z.string().trim().max(200).optional(),
  sort: QueueSort.default("due"),
};

export const QueueFilters = z.object(filterShape);
export type QueueFilters = z.infer<typeof QueueFilters>;

export const QueueQuery = QueueFilters.extend(PageQuery.shape);
export type QueueQuery = z.infer<typeof QueueQuery>;

/** The same filters as the queue; `view` and `sort` are accepted and do not change the counts. */
export const QueueCountsQuery = QueueFilters;

const Named = z.object({ id: Id, name: z.string() });

export const QueueItem = z.object({
  number: z.number().int(),
  subject: z.string(),
  status: TicketStatus,
  priority: Priority,
  kind: TicketKind,
  channel: TicketChannel,
  company: Named,
  requester: Named,
  assignee: Named.nullable(),
  category: Named,
  screenCode: z.string(),
  screenName: z.string(),
  /** Alphabetical. */
  tags: z.array(z.string()),
  /** The earliest running deadline; null when none runs (paused, met, finished). */
  dueAt: Instant.nullable(),
  slaState: QueueSlaState,
  createdAt: Instant,
  updatedAt: Instant,
  /** What a change from the queue sends back (409 when stale). */
  version: z.number().int(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const QueuePage = pageOf(QueueItem).extend({
  /** The order the page is in (the `resolved` view is always by last update). */
  sort: QueueSort,
});
export type QueuePage = z.infer<typeof QueuePage>;

/**
 * Counting stops past this many tickets a view: the tabs need "how much work", not an exact census,
 * and a count that reads at most this many index entries costs the same at ten thousand tickets and
 * at a million. A view holding more reads `QUEUE_COUNT_CAP + 1`, shown as "1.000+".
 */
export const QUEUE_COUNT_CAP = 1000;

/** Whether a view's count stopped at the cap (the view holds more than `cap` tickets). */
export const isOverCap = (count: number, cap: number): boolean => count > cap;

const Count = z.number().int();
export const QueueCounts = z.object({
  unassigned: Count,
  mine: Count,
  open: Count,
  waiting: Count,
  at_risk: Count,
  resolved: Count,
  /** Where counting stopped: a count above it means "more than `cap`". */
  cap: Count,
}) satisfies z.ZodType<Record<QueueView, number>>;
export type QueueCounts = z.infer<typeof QueueCounts>;

/** What the filter bar offers besides companies (searched) and screens (the catalog). */
export const QueueOptions = z.object({
  /** Active support staff, by name: the assignee filter. */
  staff: z.array(Named),
  categories: z.array(Named),
  /** Every tag in use, alphabetical. */
  tags: z.array(z.string()),
});
export type QueueOptions = z.infer<typeof QueueOptions>;

// Saved views ("visões salvas").

/** Stored filters are checked against the queue's own contract, unknown keys refused. */
export const SavedViewFilters = z.strictObject(filterShape);
export type SavedViewFilters = z.infer<typeof SavedViewFilters>;

export const SaveViewRequest = z.strictObject({
  name: z.string().trim().min(1).max(60),
  /** Shared with the whole team (supervisors and admins only) or personal. */
  shared: z.boolean().default(false),
  filters: SavedViewFilters,
});
export type SaveViewRequest = z.infer<typeof SaveViewRequest>;

export const SavedViewIdParams = z.strictObject({ viewId: Id });

export const SavedView = z.object({
  id: Id,
  name: z.string(),
  shared: z.boolean(),
  owner: Named,
  filters: QueueFilters,
  createdAt: Instant,
  /** The caller may rename, change or delete it. */
  canEdit: z.boolean(),
});
export type SavedView = z.infer<typeof SavedView>;

/** Shared views, then the caller's own, each by name. */
export const SavedViewList = z.object({
  items: z.array(SavedView),
  /** The caller may save views shared with the team. */
  canShare: z.boolean(),
});
export type SavedViewList = z.infer<typeof SavedViewList>;
