// Saved views as the contract's shape; the repository read the stored filters back through the
// queue's contract (db/json.ts).
import type { SavedView } from "../../../contracts/queue";
import { type Actor, policies } from "../../../domain/policies";
import { toIso } from "../../db/time";
import type { SavedViewWithOwner } from "./repository";

export function presentSavedView(row: SavedViewWithOwner, actor: Actor): SavedView {
  return {
    id: row.id,
    name: row.name,
    shared: row.shared === 1,
    owner: { id: row.owner_id, name: row.owner_name },
    filters: row.filters,
    createdAt: toIso(row.created_at),
    canEdit: policies.savedView.edit(actor, { ownerId: row.owner_id, shared: row.shared === 1 }) === "allow",
  };
}
