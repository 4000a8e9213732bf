// The console's queue: a page of a view (exact ticket number first, then the rest in the sort's
// order, keyset-paginated), every view's count under the same filters, and the filter bar's choices.
import type { QueueCounts, QueueFilters, QueueQuery, QueueSort } from "../../../contracts/queue";
import { ASSIGNEE_ME, effectiveSort, QUEUE_COUNT_CAP } from "../../../contracts/queue";
import type { Actor } from "../../../domain/policies";
import { parseQuery } from "../../../domain/search/portuguese";
import type { AppContext } from "../../context";
import { decodeCursor, toPage } from "../../db/cursor";
import { dialectOf } from "../../db/dialect";
import type { Executor } from "../../db/schema";
import { hasTerms, matchText } from "../../db/search";
import { errors } from "../../errors";
import { priorityOrder } from "../sla/queue-keys";
import {
  countQueues,
  listActiveCategories,
  listActiveStaff,
  listQueue,
  listTagsInUse,
  type QueueFilterShape,
  type QueueFilterValues,
  type QueueRow,
  sortKeyOf,
  type TagRarity,
  tagRarity,
} from "./repository";

/** How many tags the filter bar offers at most. */
const MAX_TAG_OPTIONS = 500;

interface FilterParts {
  shape: QueueFilterShape;
  values: QueueFilterValues;
  /** A query that is a ticket number ("1042", "#1042"). */
  number: number | undefined;
}

/** How long a tag's rarity is kept, and for how many tags at most (per database). */
const TAG_RARITY_TTL_MS = 60_000;
const TAG_RARITY_ENTRIES = 256;
const tagRarities = new WeakMap<object, Map<string, { until: number; rarity: TagRarity }>>();

/**
 * A tag's rarity (`tagRarity`), kept a minute. It only chooses where a query starts: both starts
 * list and count the same tickets, so an answer a minute old costs speed at worst, never a wrong
 * page. Kept per database (its adapter, which its transactions share), the oldest dropped first.
 */
export async function tagRarityOf(db: Executor, tag: string, now: number): Promise<TagRarity> {
  const adapter = db.getExecutor().adapter;
  let known = tagRarities.get(adapter);
  if (!known) {
    known = new Map();
    tagRarities.set(adapter, known);
  }
  const kept = known.get(tag);
  if (kept && kept.until > now) return kept.rarity;
  const rarity = await tagRarity(db, tag);
  known.delete(tag);
  if (known.size >= TAG_RARITY_ENTRIES) known.delete(known.keys().next().value as string);
  known.set(tag, { until: now + TAG_RARITY_TTL_MS, rarity });
  return rarity;
}

/** The filters as query shape and values; "me" is the caller. */
async function filterParts(
  db: Executor,
  actor: Actor,
  filters: QueueFilters,
  now: number,
): Promise<FilterParts> {
  const q = filters.q ?? "";
  const numberMatch = /^#?(\d{1,9})$/.exec(q);
  const number = numberMatch ? Number(numberMatch[1]) : undefined;
  const terms = parseQuery(q);
  const search = hasTerms(terms);
  const assigneeId = filters.assigneeId === ASSIGNEE_ME ? actor.userId : filters.assigneeId;
  // A rare tag's list is where a view starts, unless the text or the number narrows it first.
  const rarity =
    filters.tag !== undefined && !search && number === undefined
      ? await tagRarityOf(db, filters.tag, now)
      : { open: false, resolved: false };
  return {
    number,
    shape: {
      company: filters.companyId !== undefined,
      category: filters.categoryId !== undefined,
      screen: filters.screenCode !== undefined,
      priority: filters.priority !== undefined,
      kind: filters.kind !== undefined,
      channel: filters.channel !== undefined,
      assignee: assigneeId !== undefined,
      tag: filters.tag !== undefined,
      tagListOpen: rarity.open,
      tagListResolved: rarity.resolved,
      number: number !== undefined,
      search,
      exclude: false,
    },
    values: {
      me: actor.userId,
      now,
      companyId: filters.companyId ?? "",
      categoryId: filters.categoryId ?? "",
      screenCode: filters.screenCode ?? "",
      priorityOrder: filters.priority !== undefined ? priorityOrder(filters.priority) : 0,
      kind: filters.kind ?? "",
      channel: filters.channel ?? "",
      assigneeId: assigneeId ?? "",
      tag: filters.tag ?? "",
      number: number ?? 0,
      // The queue keeps the order the agent chose, so the text is a filter: a ticket with most of
      // the words (all of one or two), compared as the FAQ's search compares them. Within one
      // company the full-text index intersects with the company's own term.
      match: search ? matchText(dialectOf(db), terms, { mode: "most", companyId: filters.companyId }) : "",
      excludeNumber: number ?? 0,
    },
  };
}

const KEY_LENGTH: Record<QueueSort, number> = { due: 2, priority: 3, updated: 2 };

/** A cursor is the sort's name and the last row's sort key: one from another sort is refused. */
function decodeQueueCursor(cursor: string, sort: QueueSort): number[] {
  const [name, ...key] = decodeCursor(cursor, KEY_LENGTH[sort] + 1);
  const numbers = key.filter((value): value is number => typeof value === "number");
  if (name !== sort || numbers.length !== key.length)
    throw errors.field("cursor", "validation.invalid_format", { cursor });
  return numbers;
}

/**
 * A page of the queue. A query that is a ticket number lists that ticket first on the first page
 * (when it is in the view), then whatever else mentions the number.
 */
export async function pageQueue(
  ctx: AppContext,
  actor: Actor,
  query: QueueQuery,
): Promise<{ rows: QueueRow[]; nextCursor: string | null; sort: QueueSort }> {
  const sort = effectiveSort(query);
  const after = query.cursor ? decodeQueueCursor(query.cursor, sort) : undefined;
  const { shape, values, number } = await filterParts(ctx.db, actor, query, ctx.clock.now());
  const pageShape = { view: query.view, sort, after: false };
  const pageValues = { ...values, after1: 0, after2: 0, after3: 0 };

  const exact =
    number !== undefined && after === undefined
      ? await listQueue(ctx.db, { ...shape, ...pageShape, search: false, limit: 1 }, pageValues)
      : [];
  const limit = query.limit - exact.length;
  const rest = await listQueue(
    ctx.db,
    {
      ...shape,
      ...pageShape,
      number: false,
      exclude: number !== undefined,
      after: after !== undefined,
      limit: limit + 1,
    },
    { ...pageValues, after1: after?.[0] ?? 0, after2: after?.[1] ?? 0, after3: after?.[2] ?? 0 },
  );
  const page = toPage(rest, limit, (row) => [sort, ...sortKeyOf(sort, row)]);
  return { rows: [...exact, ...page.rows], nextCursor: page.nextCursor, sort };
}

/** How many tickets each view holds under the same filters, up to the cap. */
export async function queueCounts(
  ctx: AppContext,
  actor: Actor,
  filters: QueueFilters,
  cap = QUEUE_COUNT_CAP,
): Promise<QueueCounts> {
  const { shape, values } = await filterParts(ctx.db, actor, filters, ctx.clock.now());
  return { ...(await countQueues(ctx.db, { ...shape, cap }, values)), cap };
}

export async function queueOptions(ctx: AppContext) {
  const [staff, categories, tags] = await Promise.all([
    listActiveStaff(ctx.db),
    listActiveCategories(ctx.db),
    listTagsInUse(ctx.db, MAX_TAG_OPTIONS),
  ]);
  return { staff, categories, tags };
}
