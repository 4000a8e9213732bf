// What a ticket command did, in the domain's words: the one description every effect reads
// (notifications and live events now; e-mails and webhooks next), so that a new effect is one
// more reader of happenings, not one more copy inside every command.
import type {
  Priority,
  SlaMetric,
  TicketChannel,
  TicketKind,
  TicketStatus,
} from "../../../contracts/tickets";

/** Who may know of a change: the ticket's company (and staff), or staff only. */
export type HappeningAudience = "company" | "staff";

export type EstimateAction = "drafted" | "sent" | "withdrawn" | "approved" | "declined";

export type TicketHappening =
  | { type: "opened"; channel: TicketChannel }
  /** A reply, an internal note or a logged call's summary. */
  | {
      type: "message";
      eventId: string;
      by: "staff" | "customer";
      internal: boolean;
      /** Colleagues named in an internal note. */
      mentioned: readonly string[];
    }
  | { type: "status_changed"; from: TicketStatus; to: TicketStatus }
  | { type: "priority_changed"; from: Priority; to: Priority }
  | { type: "kind_changed"; from: TicketKind; to: TicketKind }
  | { type: "assigned"; from: string | null; to: string | null }
  /** Category, screen, tags, links, time: what only needs a refresh by those who may see it. */
  | { type: "details_changed"; audience: HappeningAudience }
  | { type: "merged"; intoNumber: number }
  | { type: "estimate"; action: EstimateAction; estimateId: string; audience: HappeningAudience }
  | { type: "sla"; metric: SlaMetric; state: "warning" | "breach" };
