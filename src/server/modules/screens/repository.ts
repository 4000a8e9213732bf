// The ERP screen catalog in the database.
import type { QueryTerm } from "../../../domain/search/portuguese";
import type { Executor, ScreenTable } from "../../db/schema";

export type ScreenRow = ScreenTable;

export function findScreen(db: Executor, code: string): Promise<ScreenRow | undefined> {
  return db
    .selectFrom("screen")
    .selectAll()
    .where("code", "=", code)
    .where("active", "=", 1)
    .executeTakeFirst();
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
    .$if(codePrefix !== undefined || terms.length > 0, (q) =>
      q.where((eb) =>
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
        ]),
      ),
    )
    .orderBy("code")
    .limit(filter.limit)
    .execute();
}

export async function upsertScreen(db: Executor, row: ScreenRow): Promise<void> {
  await db
    .insertInto("screen")
    .values(row)
    .onConflict((oc) =>
      oc.column("code").doUpdateSet({
        name: row.name,
        module: row.module,
        active: 1,
        search_terms: row.search_terms,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
