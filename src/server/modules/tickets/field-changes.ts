// The console's field changes to a ticket (category, screen, assignee, tags), inside changeTicket's
// command: each validated against the catalog or the team, each written as its own history event
// with the values as they read at the time ("FIS0001 – Emissão de NF-e", "Juliana Prado", "nfe, vip").
// Category and screen are the customer's business too (public events); assignment and tags are the
// team's (internal events).
import type { UpdateTicketRequest } from "../../../contracts/tickets";
import { errors } from "../../errors";
import { findCategory } from "../kb/repository";
import { findScreen } from "../screens/repository";
import { findActiveStaff } from "../staff/repository";
import type { TicketTransaction, TicketWrite } from "./command";
import { findTicketByNumber } from "./repository";
import { listTags, replaceTags } from "./work-repository";

const screenLabel = (code: string, name: string) => `${code} – ${name}`;

export async function applyFieldChanges(
  tx: TicketTransaction,
  ticket: TicketWrite,
  props: UpdateTicketRequest,
): Promise<void> {
  const { trx } = tx;
  const { row } = ticket;
  const categoryChanges = props.categoryId !== undefined && props.categoryId !== row.category_id;
  const screenChanges = props.screenCode !== undefined && props.screenCode !== row.screen_code;
  const assigneeChanges = props.assigneeId !== undefined && props.assigneeId !== row.assignee_id;
  // The names the ticket's current values read as, only when something is about to change.
  const current =
    categoryChanges || screenChanges || assigneeChanges
      ? await findTicketByNumber(trx, { kind: "all" }, row.number)
      : undefined;

  if (categoryChanges && props.categoryId !== undefined) {
    const category = await findCategory(trx, props.categoryId);
    if (!category) throw errors.field("categoryId", "validation.category_unknown", props);
    ticket.set({ category_id: category.id });
    await ticket.event({
      type: "category_changed",
      field: "category",
      from_value: current?.category_name ?? null,
      to_value: category.name,
    });
    ticket.happen({ type: "details_changed", audience: "company" });
  }

  if (screenChanges && props.screenCode !== undefined) {
    const screen = await findScreen(trx, props.screenCode);
    if (!screen) throw errors.field("screenCode", "validation.screen_unknown", props);
    ticket.set({ screen_code: screen.code });
    // The new code finds the ticket in searches too.
    ticket.searchable(screen.code);
    await ticket.event({
      type: "screen_changed",
      field: "screen",
      from_value: current ? screenLabel(current.screen_code, current.screen_name) : null,
      to_value: screenLabel(screen.code, screen.name),
    });
    ticket.happen({ type: "details_changed", audience: "company" });
  }

  if (assigneeChanges && props.assigneeId !== undefined) {
    const assignee = props.assigneeId === null ? null : await findActiveStaff(trx, props.assigneeId);
    if (props.assigneeId !== null && !assignee)
      throw errors.field("assigneeId", "validation.assignee_unknown", props);
    ticket.set({ assignee_id: assignee?.id ?? null });
    await ticket.event({
      type: "assigned",
      internal: 1,
      field: "assignee",
      from_value: current?.assignee_name ?? null,
      to_value: assignee?.name ?? null,
    });
    ticket.happen({ type: "assigned", from: row.assignee_id, to: assignee?.id ?? null });
  }

  if (props.tags !== undefined) {
    const before = await listTags(trx, row.id);
    const after = [...props.tags].sort();
    if (before.join(",") !== after.join(",")) {
      await replaceTags(trx, row.id, after);
      await ticket.event({
        type: "tags_changed",
        internal: 1,
        field: "tags",
        from_value: before.length > 0 ? before.join(", ") : null,
        to_value: after.length > 0 ? after.join(", ") : null,
      });
      ticket.happen({ type: "details_changed", audience: "staff" });
    }
  }
}
