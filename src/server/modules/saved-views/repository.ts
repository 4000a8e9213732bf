// Saved queue views in the database: the team's shared ones and each person's own. Their filters are
// JSON text, decoded and encoded here.
import { type Decoded, json } from "../../db/json";
import type { Executor, SavedViewTable } from "../../db/schema";

export type SavedViewRow = Decoded<SavedViewTable>;
export type SavedViewWithOwner = SavedViewRow & { owner_name: string };

function viewsWithOwner(db: Executor) {
  return db
    .selectFrom("saved_view")
    .innerJoin("app_user as owner", "owner.id", "saved_view.owner_id")
    .selectAll("saved_view")
    .select("owner.name as owner_name");
}

type StoredView = Awaited<ReturnType<ReturnType<typeof viewsWithOwner>["executeTakeFirstOrThrow"]>>;

const decodeView = (row: StoredView): SavedViewWithOwner => ({
  ...row,
  filters: json.savedViewFilters.decode(row.filters),
});

/** Shared views, then the user's own, each by name. */
export async function listVisibleViews(db: Executor, userId: string): Promise<SavedViewWithOwner[]> {
  const rows = await viewsWithOwner(db)
    .where((eb) => eb.or([eb("saved_view.shared", "=", 1), eb("saved_view.owner_id", "=", userId)]))
    .orderBy("saved_view.shared", "desc")
    .orderBy("saved_view.name")
    .orderBy("saved_view.id")
    .execute();
  return rows.map(decodeView);
}

export async function findView(db: Executor, id: string): Promise<SavedViewWithOwner | undefined> {
  const row = await viewsWithOwner(db).where("saved_view.id", "=", id).executeTakeFirst();
  return row && decodeView(row);
}

export async function insertView(db: Executor, row: SavedViewRow): Promise<void> {
  await db
    .insertInto("saved_view")
    .values({ ...row, filters: json.savedViewFilters.encode(row.filters) })
    .execute();
}

export async function updateView(
  db: Executor,
  id: string,
  changes: Pick<SavedViewRow, "name" | "filters" | "shared">,
): Promise<void> {
  await db
    .updateTable("saved_view")
    .set({ ...changes, filters: json.savedViewFilters.encode(changes.filters) })
    .where("id", "=", id)
    .execute();
}

export async function deleteView(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("saved_view").where("id", "=", id).execute();
}
