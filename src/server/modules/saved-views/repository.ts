// Saved queue views in the database: the team's shared ones and each person's own.
import type { Executor, SavedViewTable } from "../../db/schema";

export type SavedViewRow = SavedViewTable;

function viewsWithOwner(db: Executor) {
  return db
    .selectFrom("saved_view")
    .innerJoin("app_user as owner", "owner.id", "saved_view.owner_id")
    .selectAll("saved_view")
    .select("owner.name as owner_name");
}
export type SavedViewWithOwner = Awaited<
  ReturnType<ReturnType<typeof viewsWithOwner>["executeTakeFirstOrThrow"]>
>;

/** Shared views, then the user's own, each by name. */
export function listVisibleViews(db: Executor, userId: string): Promise<SavedViewWithOwner[]> {
  return viewsWithOwner(db)
    .where((eb) => eb.or([eb("saved_view.shared", "=", 1), eb("saved_view.owner_id", "=", userId)]))
    .orderBy("saved_view.shared", "desc")
    .orderBy("saved_view.name")
    .orderBy("saved_view.id")
    .execute();
}

export function findView(db: Executor, id: string): Promise<SavedViewWithOwner | undefined> {
  return viewsWithOwner(db).where("saved_view.id", "=", id).executeTakeFirst();
}

export async function insertView(db: Executor, row: SavedViewRow): Promise<void> {
  await db.insertInto("saved_view").values(row).execute();
}

export async function updateView(
  db: Executor,
  id: string,
  changes: Pick<SavedViewRow, "name" | "filters" | "shared">,
): Promise<void> {
  await db.updateTable("saved_view").set(changes).where("id", "=", id).execute();
}

export async function deleteView(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("saved_view").where("id", "=", id).execute();
}
