// The effects of ticket commands, in one place: what each happening raises inside the command's
// transaction (notifications; e-mails and webhook deliveries, outbox rows) and the live events
// published once it commits.

import type { Settings } from "../../../contracts/settings";
import type { SlaMetric } from "../../../contracts/tickets";
import type { Config } from "../../config";
import type { Executor } from "../../db/schema";
import type { LiveEvent } from "../../events/bus";
import { publicTicketEvent, staffTicketEvent, type TicketRef } from "../../events/ticket-events";
import { mailSetup } from "../../mail/setup";
import { recordTicketEmails } from "../../mail/ticket-emails";
import { notifySlaAlerts } from "../notifications/service";
import { notificationEvents, notifyPeople } from "../notifications/ticket-notifications";
import { recordWebhookDeliveries } from "../webhooks/events";
import type { TicketHappening } from "./happenings";

/** One ticket a command wrote, as the effects see it once the command is done. */
export interface CommandOutcome {
  ticketId: string;
  ref: TicketRef;
  happenings: readonly TicketHappening[];
  /** Its clocks, when the command knows them without reading (it opened the ticket and moved none). */
  clocks?: readonly OutcomeClock[];
  /** What the e-mails tell of it, when the command knows it without reading (it opened the ticket). */
  ticket?: OutcomeTicket;
}

export interface OutcomeTicket {
  id: string;
  number: number;
  subject: string;
  status: TicketRef["status"];
  company_id: string;
  company_name: string;
  requester_id: string;
  assignee_id: string | null;
}

export interface OutcomeClock {
  metric: SlaMetric;
  due_at: number | null;
  met_at: number | null;
  stopped_at: number | null;
}

/** What the effects need besides the transaction: the configuration and the settings in force. */
export interface EffectsSetup {
  config: Config;
  settings: Settings;
}

/**
 * Writes what the happenings raise in the transaction (notifications, outbox e-mails, webhook
 * deliveries); returns the live events to publish after it and how many e-mails and deliveries wait.
 */
export async function recordEffects(
  trx: Executor,
  { config, settings }: EffectsSetup,
  outcomes: readonly CommandOutcome[],
  actorId: string | null,
  at: number,
): Promise<{ live: LiveEvent[]; emails: number; webhooks: number }> {
  const live: LiveEvent[] = [];
  // SLA alerts of every ticket at once (the sweeper fires them in batches); their e-mails go to the
  // same people.
  const alerted = await notifySlaAlerts(
    trx,
    outcomes.flatMap(({ ticketId, happenings }) =>
      happenings.flatMap((happening) =>
        happening.type === "sla"
          ? [
              {
                ticketId,
                type: happening.state === "warning" ? ("sla_warning" as const) : ("sla_breach" as const),
                metric: happening.metric,
                at,
              },
            ]
          : [],
      ),
    ),
  );
  for (const outcome of outcomes) {
    const notified = [
      ...(await recordNotifications(trx, outcome, actorId, at)),
      ...(alerted.get(outcome.ticketId) ?? []),
    ];
    live.push(...ticketLiveEvents(outcome, at), ...notificationEvents(notified, outcome.ref.number, at));
  }
  const emails = config.mail.notifications
    ? await recordTicketEmails(trx, mailSetup(config, settings), outcomes, actorId, at, alerted)
    : 0;
  const webhooks = await recordWebhookDeliveries(trx, outcomes, at);
  return { live, emails, webhooks };
}

/** Mentions and assignments notify people (SLA alerts: `notifySlaAlerts`); returns who was notified. */
async function recordNotifications(
  trx: Executor,
  { ticketId, happenings }: CommandOutcome,
  actorId: string | null,
  at: number,
): Promise<string[]> {
  const notified: string[] = [];
  for (const happening of happenings) {
    if (happening.type === "message" && happening.mentioned.length > 0 && actorId !== null) {
      await notifyPeople(trx, { type: "mention", ticketId, recipientIds: happening.mentioned, actorId, at });
      notified.push(...happening.mentioned);
    }
    // Assigning a ticket to oneself tells nobody.
    if (
      happening.type === "assigned" &&
      happening.to !== null &&
      happening.to !== actorId &&
      actorId !== null
    ) {
      await notifyPeople(trx, {
        type: "ticket_assigned",
        ticketId,
        recipientIds: [happening.to],
        actorId,
        at,
      });
      notified.push(happening.to);
    }
  }
  return notified;
}

/**
 * The live events of one ticket's happenings: at most one per kind and audience, as browsers
 * refetch what an event names. A new ticket or a public message already refreshes the company's
 * view of the ticket, so no "updated" follows it.
 */
function ticketLiveEvents({ ref, happenings }: CommandOutcome, at: number): LiveEvent[] {
  let created = false;
  let message = false;
  let note = false;
  let publicChange = false;
  let staffChange = false;
  let assigneeId: string | null | undefined;
  const sla: LiveEvent[] = [];
  for (const happening of happenings) {
    switch (happening.type) {
      case "opened":
        created = true;
        break;
      case "message":
        if (happening.internal) note = true;
        else message = true;
        break;
      case "assigned":
        staffChange = true;
        assigneeId = happening.to;
        break;
      case "details_changed":
      case "estimate":
        if (happening.audience === "company") publicChange = true;
        else staffChange = true;
        break;
      case "sla":
        sla.push(
          staffTicketEvent("ticket.sla", ref, at, { metric: happening.metric, state: happening.state }),
        );
        break;
      default:
        publicChange = true;
    }
  }
  const events: LiveEvent[] = [];
  if (created) events.push(publicTicketEvent("ticket.created", ref, at));
  if (message) events.push(publicTicketEvent("ticket.message", ref, at));
  if (note) events.push(staffTicketEvent("ticket.note", ref, at));
  if (publicChange && !created && !message) events.push(publicTicketEvent("ticket.updated", ref, at));
  // Assignment and tags are the team's business: their event goes to staff only.
  if (staffChange) {
    events.push(staffTicketEvent("ticket.updated", ref, at, assigneeId === undefined ? {} : { assigneeId }));
  }
  return [...events, ...sla];
}
