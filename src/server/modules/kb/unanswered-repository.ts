// "Buscas sem resposta" in the database: one counter per normalized query and day, and each
// customer's last logged miss (a longer or shorter query within a minute was still being typed).
import type { Executor } from "../../db/schema";

export interface Miss {
  userId: string;
  query: string;
  day: string;
  at: number;
}

async function addToCount(db: Executor, query: string, day: string, delta: number, at: number) {
  await db
    .insertInto("unanswered_search")
    .values({ query, day, count: delta, last_searched_at: at })
    .onConflict((oc) =>
      oc.columns(["query", "day"]).doUpdateSet((eb) => ({
        count: eb("unanswered_search.count", "+", delta),
        last_searched_at: at,
      })),
    )
    .execute();
}

async function takeFromCount(db: Executor, query: string, day: string) {
  await db
    .updateTable("unanswered_search")
    .set((eb) => ({ count: eb("count", "-", 1) }))
    .where("query", "=", query)
    .where("day", "=", day)
    .execute();
  await db
    .deleteFrom("unanswered_search")
    .where("query", "=", query)
    .where("day", "=", day)
    .where("count", "<=", 0)
    .execute();
}

/** The customer's last miss, if any. */
export function lastMissOf(db: Executor, userId: string) {
  return db.selectFrom("unanswered_search_user").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

/** Counts a miss; `replacing` is the same person's previous query that this one supersedes. */
export async function countMiss(
  db: Executor,
  miss: Miss,
  replacing: { query: string; day: string } | undefined,
): Promise<void> {
  if (replacing) await takeFromCount(db, replacing.query, replacing.day);
  await addToCount(db, miss.query, miss.day, 1, miss.at);
  await rememberMiss(db, miss);
}

export async function rememberMiss(db: Executor, miss: Miss): Promise<void> {
  await db
    .insertInto("unanswered_search_user")
    .values({ user_id: miss.userId, query: miss.query, day: miss.day, searched_at: miss.at })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet({ query: miss.query, day: miss.day, searched_at: miss.at }),
    )
    .execute();
}

export interface UnansweredRow {
  query: string;
  count: number | string;
  last_searched_at: number | string;
}

/** The period's misses, most frequent first (then alphabetical), keyset on (count, query). */
export function listUnanswered(
  db: Executor,
  range: { from: string; to: string },
  after: { count: number; query: string } | undefined,
  limit: number,
): Promise<UnansweredRow[]> {
  return db
    .selectFrom("unanswered_search")
    .select((eb) => [
      "query",
      eb.fn.sum<number>("count").as("count"),
      eb.fn.max<number>("last_searched_at").as("last_searched_at"),
    ])
    .where("day", ">=", range.from)
    .where("day", "<=", range.to)
    .groupBy("query")
    .$if(after !== undefined, (q) =>
      q.having((eb) =>
        eb.or([
          eb(eb.fn.sum("count"), "<", after?.count ?? 0),
          eb.and([eb(eb.fn.sum("count"), "=", after?.count ?? 0), eb("query", ">", after?.query ?? "")]),
        ]),
      ),
    )
    .orderBy("count", "desc")
    .orderBy("query")
    .limit(limit + 1)
    .execute();
}
