// Canned responses in the database. Every list names its reader: their own and the shared ones,
// never another person's personal replies.
import { type SqlBool, sql } from "kysely";
import type { CannedResponseTable, Executor } from "../../db/schema";

export type CannedResponseRow = CannedResponseTable;

export function findCannedResponse(db: Executor, id: string): Promise<CannedResponseRow | undefined> {
  return db.selectFrom("canned_response").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface CannedListFilter {
  readerId: string;
  /** Lower-case text the title or the body contains. */
  contains?: string | undefined;
  after?: { title: string; id: string } | undefined;
  limit: number;
}

/** `%` and `_` typed by the user are meant literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The reader's own and the shared replies by title, keyset-paginated on (title, id). The owner index
 * (owner_id, title) serves both halves of the owner condition; a team's replies number in the
 * hundreds, so the text filter scans what the owner condition left.
 */
export function listCannedResponses(db: Executor, filter: CannedListFilter): Promise<CannedResponseRow[]> {
  const { after, contains } = filter;
  return db
    .selectFrom("canned_response")
    .selectAll()
    .where((eb) => eb.or([eb("owner_id", "=", filter.readerId), eb("owner_id", "is", null)]))
    .$if(contains !== undefined, (q) =>
      q.where(() => {
        const pattern = likePattern(contains ?? "");
        // An explicit escape character: SQLite has none by default, PostgreSQL's is the same "\".
        return sql<SqlBool>`(lower(title) like ${pattern} escape '\\' or lower(body) like ${pattern} escape '\\')`;
      }),
    )
    .$if(after !== undefined, (q) =>
      q.where((eb) => eb(eb.refTuple("title", "id"), ">", eb.tuple(after?.title ?? "", after?.id ?? ""))),
    )
    .orderBy("title")
    .orderBy("id")
    .limit(filter.limit + 1)
    .execute();
}

export async function insertCannedResponse(db: Executor, row: CannedResponseRow): Promise<void> {
  await db.insertInto("canned_response").values(row).execute();
}

export async function updateCannedResponse(
  db: Executor,
  id: string,
  values: Pick<CannedResponseRow, "title" | "body" | "updated_at">,
): Promise<void> {
  await db.updateTable("canned_response").set(values).where("id", "=", id).execute();
}

export async function deleteCannedResponse(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("canned_response").where("id", "=", id).execute();
}
