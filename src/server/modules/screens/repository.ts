// The ERP screen catalog in the database.

import type { ExpressionBuilder } from "kysely";
import type { QueryTerm } from "../../../domain/search/portuguese";
import { PreparedQuery } from "../../db/prepared";
import type { Database, Executor, ScreenTable } from "../../db/schema";
import { slices } from "../../db/slices";

export type ScreenRow = ScreenTable;

/** The code starts with `codePrefix`, or the name and module have every term (as a word or its start). */
function matchingScreen(codePrefix: string | undefined, terms: QueryTerm[]) {
  return (eb: ExpressionBuilder<Database, "screen">) =>
    eb.or([
      ...(codePrefix ? [eb("code", "like", `${codePrefix}%`)] : []),
      ...(terms.length > 0
        ? [
            eb.and(
              terms.map(({ term, prefix }) =>
                eb.or([
                  eb("search_terms", "like", `% ${term}%`),
                  ...(prefix ? [eb("search_terms", "like", `% ${prefix}%`)] : []),
                ]),
              ),
            ),
          ]
        : []),
    ]);
}

const activeScreen = PreparedQuery.single((db, values: { code: string }) =>
  db.selectFrom("screen").selectAll().where("code", "=", values.code).where("active", "=", 1),
);

/** An active screen of the catalog: every ticket opened asks (compiled once). */
export function findScreen(db: Executor, code: string): Promise<ScreenRow | undefined> {
  return activeScreen.executeTakeFirst(db, null, { code });
}

/**
 * Screens whose code starts with `codePrefix`, or whose name has every term (as a word or the start
 * of one). The catalog has hundreds of rows, not millions: LIKE over the terms is enough.
 */
export function searchScreens(
  db: Executor,
  filter: { codePrefix: string | undefined; terms: QueryTerm[]; limit: number },
): Promise<ScreenRow[]> {
  const { codePrefix, terms } = filter;
  return db
    .selectFrom("screen")
    .selectAll()
    .where("active", "=", 1)
    .$if(codePrefix !== undefined || terms.length > 0, (q) => q.where(matchingScreen(codePrefix, terms)))
    .orderBy("code")
    .limit(filter.limit)
    .execute();
}

/**
 * Creates or updates `rows` by code, a slice of rows per statement. Imports leave the screen's
 * category (set on "Telas do ERP") and its creation time as they are.
 */
export async function writeScreens(
  db: Executor,
  rows: readonly Omit<ScreenRow, "category_id">[],
  onSlice: (written: number) => void = () => {},
): Promise<void> {
  for (const slice of slices(rows)) {
    await db
      .insertInto("screen")
      .values(slice)
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          module: eb.ref("excluded.module"),
          active: eb.ref("excluded.active"),
          search_terms: eb.ref("excluded.search_terms"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
    onSlice(slice.length);
  }
}

/** One screen whatever its state (the catalog page edits inactive ones too). */
export function findAnyScreen(db: Executor, code: string): Promise<ScreenRow | undefined> {
  return db.selectFrom("screen").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function findScreensByCode(db: Executor, codes: string[]): Promise<Map<string, ScreenRow>> {
  const found = new Map<string, ScreenRow>();
  for (const slice of slices(codes)) {
    const rows = await db.selectFrom("screen").selectAll().where("code", "in", slice).execute();
    for (const row of rows) found.set(row.code, row);
  }
  return found;
}

/**
 * The catalog page: every screen by code, keyset after `afterCode`, filtered by state and by the
 * code's start or words of the name and module (LIKE over `search_terms`, as the autocomplete).
 */
export function listCatalogScreens(
  db: Executor,
  filter: {
    codePrefix: string | undefined;
    terms: QueryTerm[];
    active: boolean | undefined;
    afterCode: string | undefined;
    limit: number;
  },
): Promise<ScreenRow[]> {
  const { codePrefix, terms } = filter;
  return db
    .selectFrom("screen")
    .selectAll()
    .$if(filter.active !== undefined, (q) => q.where("active", "=", filter.active ? 1 : 0))
    .$if(filter.afterCode !== undefined, (q) => q.where("code", ">", filter.afterCode ?? ""))
    .$if(codePrefix !== undefined || terms.length > 0, (q) => q.where(matchingScreen(codePrefix, terms)))
    .orderBy("code")
    .limit(filter.limit + 1)
    .execute();
}

export async function updateScreenRow(
  db: Executor,
  code: string,
  values: Pick<ScreenRow, "name" | "module" | "active" | "category_id" | "search_terms" | "updated_at">,
): Promise<void> {
  await db.updateTable("screen").set(values).where("code", "=", code).execute();
}

/** Tickets opened in [start, end) per screen, most first (ties by code), with the screen's name. */
export function ticketsPerScreen(db: Executor, period: { start: number; end: number; limit: number }) {
  return db
    .selectFrom("ticket")
    .innerJoin("screen", "screen.code", "ticket.screen_code")
    .select(["screen.code", "screen.name", "screen.module", "screen.active"])
    .select((eb) => eb.fn.countAll<number | string>().as("tickets"))
    .where("ticket.created_at", ">=", period.start)
    .where("ticket.created_at", "<", period.end)
    .groupBy(["screen.code", "screen.name", "screen.module", "screen.active"])
    .orderBy("tickets", "desc")
    .orderBy("screen.code")
    .limit(period.limit)
    .execute();
}

export async function ticketsOpenedBetween(db: Executor, start: number, end: number): Promise<number> {
  const row = await db
    .selectFrom("ticket")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("created_at", ">=", start)
    .where("created_at", "<", end)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
