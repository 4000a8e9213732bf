// Reading tickets: a ticket with the history its reader may see, pages of the list, and a
// deadline's explanation. Writes are commands in service.ts.
import { isStaffRole, type Locale } from "../../../contracts/common";
import type { TicketStatus } from "../../../contracts/tickets";
import { type Actor, type Scope, scopeOf } from "../../../domain/policies";
import { parseQuery } from "../../../domain/search/portuguese";
import type { AppContext } from "../../context";
import { decodeCursor, toPage } from "../../db/cursor";
import { hasTerms } from "../../db/search";
import { errors } from "../../errors";
import { explainClock } from "../sla/explain";
import { loadPolicy } from "../sla/policy";
import { clockOf, clocksOfTicket } from "../sla/repository";
import { findTicketPage, findTicketRow, listTickets, type Visibility } from "./repository";

const visibilityOf = (actor: Actor): Visibility => (isStaffRole(actor.role) ? "all" : "public");

/**
 * The ticket with the history the actor may see, or undefined (→ 404) outside its scope: one query
 * (the SLA policy snapshot is kept in memory once read).
 */
export async function getTicketDetail(ctx: AppContext, actor: Actor, number: number) {
  const page = await findTicketPage(ctx.db, scopeOf(actor), number, visibilityOf(actor));
  if (!page) return undefined;
  const policy = await loadPolicy(ctx.db, page.ticket.sla_policy_id);
  return { ...page, clocks: page.clocks.map(clockOf), policy };
}
export type TicketDetail = NonNullable<Awaited<ReturnType<typeof getTicketDetail>>>;

/**
 * A page of the list, newest activity first; with a text query, the best matches first (see
 * `listTickets`). A query that is a ticket number ("1042", "#1042") puts that ticket first on the
 * first page, then whatever else mentions the number. A ranked page's cursor says so ("rank"), so a
 * cursor from one order is refused by the other.
 */
export async function pageTickets(
  ctx: AppContext,
  scope: Scope,
  query: {
    status?: TicketStatus | undefined;
    q?: string | undefined;
    companyId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const q = query.q ?? "";
  const numberMatch = /^#?(\d{1,9})$/.exec(q);
  const number = numberMatch ? Number(numberMatch[1]) : undefined;
  const terms = parseQuery(q);
  const ranked = hasTerms(terms);
  const after = query.cursor ? decodeListCursor(query.cursor, ranked) : undefined;
  const base = { status: query.status, companyId: query.companyId };
  const exact =
    number !== undefined && !after
      ? await listTickets(ctx.db, scope, { ...base, number, terms: [], limit: 1 })
      : [];
  const exactNumber = exact[0]?.number;
  const rest = await listTickets(ctx.db, scope, {
    ...base,
    terms,
    excludeNumber: number,
    after,
    limit: query.limit - exact.length,
  });
  const page = toPage(rest, query.limit - exact.length, (row) =>
    ranked ? [RANKED, row.score, row.number] : [row.updated_at, row.number],
  );
  return {
    rows: exactNumber === undefined ? page.rows : [...exact.slice(0, 1), ...page.rows],
    nextCursor: page.nextCursor,
  };
}

const RANKED = "rank";

function decodeListCursor(cursor: string, ranked: boolean): { key: number; number: number } {
  const values = decodeCursor(cursor, ranked ? 3 : 2);
  const [key, number] = ranked ? values.slice(1) : values;
  if ((ranked && values[0] !== RANKED) || typeof key !== "number" || typeof number !== "number")
    throw errors.field("cursor", "validation.invalid_format", { cursor });
  return { key, number };
}

/** The ticket's row if the actor may know it exists: for other modules' reads about a ticket. */
export function findVisibleTicket(ctx: AppContext, actor: Actor, number: number) {
  return findTicketRow(ctx.db, scopeOf(actor), number);
}

/** Whether the actor may know the ticket exists. */
export async function isTicketVisible(ctx: AppContext, actor: Actor, number: number): Promise<boolean> {
  return (await findTicketRow(ctx.db, scopeOf(actor), number)) !== undefined;
}

/** The current cycle of one deadline, explained; undefined (→ 404) when invisible or absent. */
export async function explainTicketDeadline(
  ctx: AppContext,
  actor: Actor,
  number: number,
  metric: string,
  locale: Locale,
) {
  const ticket = await findTicketRow(ctx.db, scopeOf(actor), number);
  const policy = ticket ? await loadPolicy(ctx.db, ticket.sla_policy_id) : null;
  if (!ticket || !policy) return undefined;
  const clock = (await clocksOfTicket(ctx.db, ticket.id))
    .filter((c) => c.metric === metric && c.stoppedAt === null)
    .at(-1);
  if (!clock) return undefined;
  return explainClock(policy, clock, ticket.priority, isStaffRole(actor.role), locale);
}
