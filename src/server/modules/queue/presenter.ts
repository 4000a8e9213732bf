// Queue rows as the contract's items: instants as ISO strings, the deadline state as of `now`.
import type { QueueItem, QueueSlaState } from "../../../contracts/queue";
import { toIso as iso } from "../../db/time";
import { NO_DUE } from "../sla/queue-keys";
import { type QueueRow, TAG_SEPARATOR } from "./repository";

/** breached once the earliest running deadline has passed, due_soon once its warning has. */
export function queueSlaState(dueAt: number, warnAt: number | null, now: number): QueueSlaState {
  if (dueAt === NO_DUE) return "none";
  if (dueAt <= now) return "breached";
  if (warnAt !== null && warnAt <= now) return "due_soon";
  return "on_time";
}

export function presentQueueItem(row: QueueRow, now: number): QueueItem {
  return {
    number: row.number,
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    kind: row.kind,
    channel: row.channel,
    company: { id: row.company_id, name: row.company_name },
    requester: { id: row.requester_id, name: row.requester_name },
    assignee:
      row.assignee_id !== null && row.assignee_name !== null
        ? { id: row.assignee_id, name: row.assignee_name }
        : null,
    category: { id: row.category_id, name: row.category_name },
    screenCode: row.screen_code,
    screenName: row.screen_name,
    tags: row.tags ? row.tags.split(TAG_SEPARATOR).sort() : [],
    dueAt: row.queue_due_at === NO_DUE ? null : iso(row.queue_due_at),
    slaState: queueSlaState(row.queue_due_at, row.queue_warn_at, now),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}
