// How well the knowledge base answers: customers' views of an article, its deflection rate (readers
// who did not open a ticket in its category afterwards), and the searches that found nothing.
import { DateTime } from "luxon";
import type { ArticleStats, UnansweredSearchQuery } from "../../../contracts/kb";
import { BILLING_TIME_ZONE, billingDateOf } from "../../../domain/billing/months";
import { MIN_UNANSWERED_LENGTH, normalizeSearchQuery, relateMiss } from "../../../domain/kb/unanswered";
import type { Actor } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { decodeCursor, toPage } from "../../db/cursor";
import { toIso } from "../../db/time";
import { errors } from "../../errors";
import { presentMeasures } from "./editor-presenter";
import {
  findStaffArticle,
  measuresOf,
  recordRead,
  ticketsAfterReading,
  totalViews,
} from "./editor-repository";
import { findArticle } from "./repository";
import { countMiss, lastMissOf, listUnanswered } from "./unanswered-repository";

/** A customer opened a published article: one more view, and a reader from now on. */
export async function recordView(
  ctx: AppContext,
  user: { id: string; companyId: string | null },
  articleId: string,
): Promise<{ articleId: string; views: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const article = await findArticle(trx, articleId);
    if (!article) throw errors.notFound("article.not_found");
    await recordRead(trx, {
      article_id: article.id,
      user_id: user.id,
      company_id: user.companyId,
      at: ctx.clock.now(),
    });
    return { articleId: article.id, views: await totalViews(trx, article.id) };
  });
}

export async function articleStats(ctx: AppContext, articleId: string): Promise<ArticleStats> {
  const article = await findStaffArticle(ctx.db, articleId);
  if (!article) throw errors.notFound("article.not_found");
  const [measures] = await measuresOf(ctx.db, [article.id]);
  return {
    articleId: article.id,
    ...presentMeasures(article.helpful_count, measures),
    ticketsAfterReading: await ticketsAfterReading(ctx.db, article.id),
  };
}

/**
 * Logs a customer's search that found nothing, once: a repeat within a minute is not counted again,
 * and a query that extends or shortens the previous one within a minute replaces it (typing).
 * Staff searches and answered ones are not logged.
 */
export async function noteSearchResult(ctx: AppContext, actor: Actor, q: string | undefined, found: number) {
  if (found > 0 || q === undefined || actor.companyId === null) return;
  const query = normalizeSearchQuery(q);
  if (query.length < MIN_UNANSWERED_LENGTH) return;
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now();
    const previous = await lastMissOf(trx, actor.userId);
    const relation = relateMiss(previous && { query: previous.query, at: previous.searched_at }, {
      query,
      at,
    });
    if (relation === "repeat") return;
    const miss = { userId: actor.userId, query, day: billingDateOf(at), at };
    await countMiss(trx, miss, relation === "typing" ? previous : undefined);
  });
}

const DEFAULT_PERIOD_DAYS = 30;

export async function unansweredSearches(ctx: AppContext, query: UnansweredSearchQuery) {
  const to = query.to ?? billingDateOf(ctx.clock.now());
  const from =
    query.from ??
    DateTime.fromISO(to, { zone: BILLING_TIME_ZONE })
      .minus({ days: DEFAULT_PERIOD_DAYS - 1 })
      .toISODate() ??
    to;
  if (from > to) throw errors.field("to", "validation.date_order", query.to);
  let after: { count: number; query: string } | undefined;
  if (query.cursor) {
    const [count, text] = decodeCursor(query.cursor, 2);
    if (typeof count !== "number" || typeof text !== "string") {
      throw errors.field("cursor", "validation.invalid_format", query.cursor);
    }
    after = { count, query: text };
  }
  const rows = await listUnanswered(ctx.db, { from, to }, after, query.limit);
  const page = toPage(rows, query.limit, (row) => [Number(row.count), row.query]);
  return {
    items: page.rows.map((row) => ({
      query: row.query,
      count: Number(row.count),
      lastSearchedAt: toIso(Number(row.last_searched_at)),
    })),
    nextCursor: page.nextCursor,
  };
}
