// Saved queue views: a supervisor saves the current filters under a name for the whole team; any
// staff member keeps personal ones. Each change is one transaction, audited.
import type { SaveViewRequest } from "../../../contracts/queue";
import { type Actor, policies } from "../../../domain/policies";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import type { Executor } from "../../db/schema";
import { errors } from "../../errors";
import { authorize } from "../../http";
import { recordAudit } from "../audit/repository";
import {
  deleteView,
  findView,
  insertView,
  listVisibleViews,
  type SavedViewWithOwner,
  updateView,
} from "./repository";

const resourceOf = (row: SavedViewWithOwner) => ({ ownerId: row.owner_id, shared: row.shared === 1 });

export async function listSavedViews(ctx: AppContext, actor: Actor) {
  return {
    rows: await listVisibleViews(ctx.db, actor.userId),
    canShare: policies.savedView.share(actor) === "allow",
  };
}

/** Saves the filters under a name; sharing with the team is for supervisors and admins (403). */
export async function saveView(
  ctx: AppContext,
  meta: CommandMeta,
  actor: Actor,
  props: SaveViewRequest,
): Promise<SavedViewWithOwner> {
  if (props.shared) authorize(policies.savedView.share(actor));
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const id = newId();
    await insertView(trx, {
      id,
      owner_id: actor.userId,
      name: props.name,
      filters: props.filters,
      shared: props.shared ? 1 : 0,
      created_at: now,
    });
    await recordAudit(trx, meta, now, {
      action: "saved_view.created",
      targetType: "saved_view",
      targetId: id,
      details: props,
    });
    return loaded(trx, id);
  });
}

/** Renames, refilters or (un)shares a view the actor may edit: 404 when not theirs to see, else 403. */
export async function changeView(
  ctx: AppContext,
  meta: CommandMeta,
  actor: Actor,
  id: string,
  props: SaveViewRequest,
): Promise<SavedViewWithOwner> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await editable(trx, actor, id);
    if (props.shared !== (current.shared === 1)) authorize(policies.savedView.share(actor));
    await updateView(trx, id, {
      name: props.name,
      filters: props.filters,
      shared: props.shared ? 1 : 0,
    });
    await recordAudit(trx, meta, ctx.clock.now(), {
      action: "saved_view.changed",
      targetType: "saved_view",
      targetId: id,
      details: props,
    });
    return loaded(trx, id);
  });
}

export async function removeView(
  ctx: AppContext,
  meta: CommandMeta,
  actor: Actor,
  id: string,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await editable(trx, actor, id);
    await deleteView(trx, id);
    await recordAudit(trx, meta, ctx.clock.now(), {
      action: "saved_view.deleted",
      targetType: "saved_view",
      targetId: id,
      details: { name: current.name, shared: current.shared === 1 },
    });
  });
}

async function editable(trx: Executor, actor: Actor, id: string): Promise<SavedViewWithOwner> {
  const row = await findView(trx, id);
  if (!row) throw errors.notFound();
  authorize(policies.savedView.edit(actor, resourceOf(row)));
  return row;
}

async function loaded(trx: Executor, id: string): Promise<SavedViewWithOwner> {
  const row = await findView(trx, id);
  if (!row) throw errors.notFound();
  return row;
}
