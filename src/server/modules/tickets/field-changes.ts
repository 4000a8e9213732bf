// The console's field changes to a ticket (category, screen, assignee, tags), inside changeTicket's
// transaction: each validated against the catalog or the team, each written as its own history event
// with the values as they read at the time ("FIS0001 – Emissão de NF-e", "Juliana Prado", "nfe, vip").
// Category and screen are the customer's business too (public events); assignment and tags are the
// team's (internal events).
import type { UpdateTicketRequest } from "../../../contracts/tickets";
import type { Actor } from "../../../domain/policies";
import type { Executor, TicketEventTable } from "../../db/schema";
import { errors } from "../../errors";
import { findCategory } from "../kb/repository";
import { findScreen } from "../screens/repository";
import { findActiveStaff } from "../staff/repository";
import { newTicketEvent } from "./events";
import { findTicketByNumber, type TicketChanges, type TicketRow } from "./repository";
import { listTags, replaceTags } from "./work-repository";

export interface FieldChanges {
  changes: TicketChanges;
  /** To insert, in order; each carries the ticket's new version. */
  events: TicketEventTable[];
  /** Someone other than the actor who was just given the ticket. */
  newAssigneeToNotify: string | null;
  /** Whether the customer can see any of it (history, ticket page). */
  publicChange: boolean;
  /** Whether anything changed that only staff see. */
  staffChange: boolean;
}

const screenLabel = (code: string, name: string) => `${code} – ${name}`;

export async function applyFieldChanges(
  trx: Executor,
  actor: Actor,
  ticket: TicketRow,
  props: UpdateTicketRequest,
  at: number,
  version: number,
): Promise<FieldChanges> {
  const outcome: FieldChanges = {
    changes: {},
    events: [],
    newAssigneeToNotify: null,
    publicChange: false,
    staffChange: false,
  };
  const event = (fields: Partial<TicketEventTable> & { type: string }) =>
    outcome.events.push(newTicketEvent(ticket.id, actor.userId, at, { ...fields, ticket_version: version }));

  const categoryChanges = props.categoryId !== undefined && props.categoryId !== ticket.category_id;
  const screenChanges = props.screenCode !== undefined && props.screenCode !== ticket.screen_code;
  const assigneeChanges = props.assigneeId !== undefined && props.assigneeId !== ticket.assignee_id;
  // The names the ticket's current values read as, only when something is about to change.
  const current =
    categoryChanges || screenChanges || assigneeChanges
      ? await findTicketByNumber(trx, { kind: "all" }, ticket.number)
      : undefined;

  if (categoryChanges && props.categoryId !== undefined) {
    const category = await findCategory(trx, props.categoryId);
    if (!category) throw errors.field("categoryId", "validation.category_unknown", props);
    outcome.changes.category_id = category.id;
    outcome.publicChange = true;
    event({
      type: "category_changed",
      field: "category",
      from_value: current?.category_name ?? null,
      to_value: category.name,
    });
  }

  if (screenChanges && props.screenCode !== undefined) {
    const screen = await findScreen(trx, props.screenCode);
    if (!screen) throw errors.field("screenCode", "validation.screen_unknown", props);
    outcome.changes.screen_code = screen.code;
    // The new code finds the ticket in searches too.
    outcome.changes.appendTerms = screen.code.toLowerCase();
    outcome.publicChange = true;
    event({
      type: "screen_changed",
      field: "screen",
      from_value: current ? screenLabel(current.screen_code, current.screen_name) : null,
      to_value: screenLabel(screen.code, screen.name),
    });
  }

  if (assigneeChanges && props.assigneeId !== undefined) {
    const assignee = props.assigneeId === null ? null : await findActiveStaff(trx, props.assigneeId);
    if (props.assigneeId !== null && !assignee)
      throw errors.field("assigneeId", "validation.assignee_unknown", props);
    outcome.changes.assignee_id = assignee?.id ?? null;
    outcome.staffChange = true;
    if (assignee && assignee.id !== actor.userId) outcome.newAssigneeToNotify = assignee.id;
    event({
      type: "assigned",
      internal: 1,
      field: "assignee",
      from_value: current?.assignee_name ?? null,
      to_value: assignee?.name ?? null,
    });
  }

  if (props.tags !== undefined) {
    const before = await listTags(trx, ticket.id);
    const after = [...props.tags].sort();
    if (before.join(",") !== after.join(",")) {
      await replaceTags(trx, ticket.id, after);
      outcome.staffChange = true;
      event({
        type: "tags_changed",
        internal: 1,
        field: "tags",
        from_value: before.length > 0 ? before.join(", ") : null,
        to_value: after.length > 0 ? after.join(", ") : null,
      });
    }
  }
  return outcome;
}
