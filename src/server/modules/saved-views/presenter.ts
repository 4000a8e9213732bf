// Saved views as the contract's shape; stored filters are read back through the queue's contract.
import { QueueFilters, type SavedView } from "../../../contracts/queue";
import { type Actor, policies } from "../../../domain/policies";
import type { SavedViewWithOwner } from "./repository";

/** Filters written under an older contract fall back to the plain open queue rather than fail the list. */
function storedFilters(json: string): QueueFilters {
  try {
    const parsed = QueueFilters.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the default queue
  }
  return QueueFilters.parse({});
}

export function presentSavedView(row: SavedViewWithOwner, actor: Actor): SavedView {
  return {
    id: row.id,
    name: row.name,
    shared: row.shared === 1,
    owner: { id: row.owner_id, name: row.owner_name },
    filters: storedFilters(row.filters),
    createdAt: new Date(row.created_at).toISOString(),
    canEdit: policies.savedView.edit(actor, { ownerId: row.owner_id, shared: row.shared === 1 }) === "allow",
  };
}
