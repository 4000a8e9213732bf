// Which e-mails a ticket command writes, and to whom: read from its happenings, inside its
// transaction, as outbox rows. What the requester is told, the colleagues following the ticket are too. One e-mail per person per command (the most telling one: a reply that
// also asks for the customer's answer is "aguardando você", with the reply quoted); never to whoever
// did it, never to inactive people, never an optional one the person turned off; internal notes
// reach staff only.
import type { Locale, Role } from "../../contracts/common";
import { type EmailTopic, topicOf } from "../../contracts/outbox";
import type { SlaMetric } from "../../contracts/tickets";
import { translate } from "../../i18n";
import { formatDateTime } from "../../i18n/format-date";
import { newId } from "../crypto";
import { PreparedQuery } from "../db/prepared";
import type { Executor } from "../db/schema";
import { insertEmails, type NewEmail } from "../modules/outbox/repository";
import type { CommandOutcome, OutcomeClock, OutcomeTicket } from "../modules/tickets/effects";
import type { TicketHappening } from "../modules/tickets/happenings";
import { type TicketMailFacts, type TicketPurpose, ticketEmailParts } from "./messages";
import { renderEmail } from "./render";
import { replyAddress } from "./reply-address";
import type { MailSetup } from "./setup";

/** When one person has several reasons in one command, the first of this list wins. */
const PRECEDENCE: readonly TicketPurpose[] = [
  "ticket_merged",
  "ticket_resolved",
  "ticket_waiting_customer",
  "ticket_reply",
  "ticket_opened",
  "estimate_pending",
  "staff_sla_breach",
  "staff_sla_warning",
  "staff_assigned",
  "staff_mentioned",
  "staff_customer_reply",
  "staff_new_ticket",
];

interface Reason {
  purpose: TicketPurpose;
  /** The message quoted, when there is one. */
  eventId?: string | undefined;
  metric?: SlaMetric | undefined;
  mergedIntoNumber?: number | undefined;
}

/** The ticket as its e-mails tell of it. */
type TicketFacts = OutcomeTicket;

const STAFF_ROLES = new Set<Role>(["agent", "supervisor", "admin"]);

// The reads every ticket e-mail makes, compiled once (prepared.ts): they run in every command that
// writes e-mails, opening a ticket first among them.
const ticketFacts = PreparedQuery.single((db, values: { ticketId: string }) =>
  db
    .selectFrom("ticket")
    .innerJoin("company", "company.id", "ticket.company_id")
    .select([
      "ticket.id",
      "ticket.number",
      "ticket.subject",
      "ticket.status",
      "ticket.company_id",
      "company.name as company_name",
      "ticket.requester_id",
      "ticket.assignee_id",
    ])
    .where("ticket.id", "=", values.ticketId),
);

const followersOf = PreparedQuery.single((db, values: { ticketId: string }) =>
  db.selectFrom("ticket_follower").select("user_id").where("ticket_id", "=", values.ticketId),
);

/** Each person with the e-mails they turned off: a row per topic, or one with none. Shape: how many. */
const recipients = new PreparedQuery(
  (db, count: number, values: Record<string, string>) =>
    db
      .selectFrom("app_user")
      .leftJoin("email_opt_out", "email_opt_out.user_id", "app_user.id")
      .select([
        "app_user.id",
        "app_user.name",
        "app_user.email",
        "app_user.locale",
        "app_user.role",
        "app_user.company_id",
        "app_user.active",
        "email_opt_out.topic",
      ])
      .where(
        "app_user.id",
        "in",
        Array.from({ length: count }, (_, i) => values[`id${i}`] ?? ""),
      ),
  (count) => String(count),
);

const deadlinesOf = PreparedQuery.single((db, values: { ticketId: string }) =>
  db
    .selectFrom("sla_clock")
    .select(["metric", "due_at", "met_at", "stopped_at"])
    .where("ticket_id", "=", values.ticketId),
);

/** Writes the e-mails of the commands' tickets into the outbox; returns how many. */
export async function recordTicketEmails(
  trx: Executor,
  setup: MailSetup,
  outcomes: readonly CommandOutcome[],
  actorId: string | null,
  at: number,
  /** Each SLA-alerted ticket's recipients, as its notifications read them (`notifySlaAlerts`). */
  slaRecipients: ReadonlyMap<string, readonly string[]>,
): Promise<number> {
  let written = 0;
  for (const outcome of outcomes) {
    if (!outcome.happenings.some(mayEmail)) continue;
    const ticket =
      outcome.ticket ?? (await ticketFacts.executeTakeFirst(trx, null, { ticketId: outcome.ticketId }));
    if (!ticket) throw new Error(`ticket e-mails: no ticket ${outcome.ticketId}`);
    const reasons = await reasonsOf(trx, ticket, outcome.happenings, slaRecipients);
    // Nobody is told of what they did themselves, except the confirmation of a ticket they opened.
    if (actorId && reasons.get(actorId)?.purpose !== "ticket_opened") reasons.delete(actorId);
    if (reasons.size === 0) continue;
    written += await writeEmails(trx, setup, ticket, outcome.clocks, reasons, actorId, at);
  }
  return written;
}

const mayEmail = (h: TicketHappening) =>
  h.type === "opened" ||
  (h.type === "message" && (!h.internal || h.mentioned.length > 0)) ||
  (h.type === "status_changed" && (h.to === "waiting_customer" || h.to === "resolved")) ||
  h.type === "merged" ||
  (h.type === "estimate" && h.action === "sent") ||
  (h.type === "assigned" && h.to !== null) ||
  h.type === "sla";

/** Each recipient's reasons, reduced to the one that wins. */
async function reasonsOf(
  trx: Executor,
  ticket: TicketFacts,
  happenings: readonly TicketHappening[],
  slaRecipients: ReadonlyMap<string, readonly string[]>,
): Promise<Map<string, Reason>> {
  const reasons = new Map<string, Reason>();
  const give = (userId: string | null, reason: Reason) => {
    if (!userId) return;
    const current = reasons.get(userId);
    if (!current) {
      reasons.set(userId, reason);
      return;
    }
    const winner =
      PRECEDENCE.indexOf(reason.purpose) < PRECEDENCE.indexOf(current.purpose) ? reason : current;
    // The winner keeps the message to quote whichever reason brought it.
    reasons.set(userId, { ...winner, eventId: winner.eventId ?? current.eventId ?? reason.eventId });
  };
  let assignee = ticket.assignee_id;
  for (const h of happenings) if (h.type === "assigned") assignee = h.to;

  for (const h of happenings) {
    switch (h.type) {
      case "opened":
        give(ticket.requester_id, { purpose: "ticket_opened" });
        give(assignee, { purpose: "staff_new_ticket" });
        break;
      case "message":
        if (h.internal) {
          for (const id of h.mentioned) give(id, { purpose: "staff_mentioned", eventId: h.eventId });
        } else if (h.by === "staff") {
          give(ticket.requester_id, { purpose: "ticket_reply", eventId: h.eventId });
        } else {
          give(assignee, { purpose: "staff_customer_reply", eventId: h.eventId });
        }
        break;
      case "status_changed":
        if (h.to === "waiting_customer") give(ticket.requester_id, { purpose: "ticket_waiting_customer" });
        if (h.to === "resolved") give(ticket.requester_id, { purpose: "ticket_resolved" });
        break;
      case "merged":
        give(ticket.requester_id, { purpose: "ticket_merged", mergedIntoNumber: h.intoNumber });
        break;
      case "estimate":
        if (h.action === "sent") {
          const admins = await trx
            .selectFrom("app_user")
            .select("id")
            .where("company_id", "=", ticket.company_id)
            .where("role", "=", "customer_admin")
            .where("active", "=", 1)
            .execute();
          for (const admin of admins) give(admin.id, { purpose: "estimate_pending" });
        }
        break;
      case "assigned":
        give(h.to, { purpose: "staff_assigned" });
        break;
      case "sla":
        for (const id of slaRecipients.get(ticket.id) ?? []) {
          give(id, {
            purpose: h.state === "warning" ? "staff_sla_warning" : "staff_sla_breach",
            metric: h.metric,
          });
        }
        break;
      default:
        break;
    }
  }
  // Colleagues following the ticket hear what its requester hears. A ticket this command opened has
  // nobody following it yet: one follows a ticket that exists.
  const told = reasons.get(ticket.requester_id);
  const opened = happenings.some((h) => h.type === "opened");
  if (told && !told.purpose.startsWith("staff_") && !opened) {
    const followers = await followersOf.execute(trx, null, { ticketId: ticket.id });
    for (const follower of followers) give(follower.user_id, told);
  }
  return reasons;
}

async function writeEmails(
  trx: Executor,
  setup: MailSetup,
  ticket: TicketFacts,
  /** The ticket's clocks when the command knows them; else they are read. */
  knownClocks: readonly OutcomeClock[] | undefined,
  reasons: Map<string, Reason>,
  actorId: string | null,
  at: number,
): Promise<number> {
  const ids = [...reasons.keys()];
  const userIds = [...new Set(actorId ? [...ids, actorId] : ids)];
  const rows = await recipients.execute(
    trx,
    userIds.length,
    Object.fromEntries(userIds.map((id, i) => [`id${i}`, id])),
  );
  const people = [...new Map(rows.map((row) => [row.id, row])).values()];
  const off = new Set(rows.flatMap((row) => (row.topic === null ? [] : [`${row.id}:${row.topic}`])));
  const eventIds = [...new Set([...reasons.values()].flatMap((r) => (r.eventId ? [r.eventId] : [])))];
  const quotes = eventIds.length
    ? await trx
        .selectFrom("ticket_event")
        .select(["id", "body", "body_html", "internal"])
        .where("id", "in", eventIds)
        .where("ticket_id", "=", ticket.id)
        .execute()
    : [];
  // Filtered and sorted here: in SQL, SQLite would walk every running clock's deadline index to
  // find this ticket's two (a cost that grew with the whole help desk's open tickets).
  const deadlines = [...reasons.values()].some((r) => r.purpose === "ticket_opened")
    ? (knownClocks ?? (await deadlinesOf.execute(trx, null, { ticketId: ticket.id })))
        .filter((clock) => clock.due_at !== null && clock.met_at === null && clock.stopped_at === null)
        .sort((a, b) => (a.due_at ?? 0) - (b.due_at ?? 0))
    : [];
  const actor = people.find((p) => p.id === actorId);

  const emails: NewEmail[] = [];
  for (const [userId, reason] of reasons) {
    const person = people.find((p) => p.id === userId);
    if (person?.active !== 1) continue;
    const staff = STAFF_ROLES.has(person.role);
    // Staff-only reasons never reach customers, and customers hear only of their own company.
    if (reason.purpose.startsWith("staff_") !== staff) continue;
    if (!staff && person.company_id !== ticket.company_id) continue;
    const topic = topicOf(reason.purpose) as EmailTopic;
    if (off.has(`${userId}:${topic}`)) continue;
    const quote = quotes.find((q) => q.id === reason.eventId);
    // An internal note is quoted to staff only.
    const quoted = quote && quote.body !== null && (staff || quote.internal === 0) ? quote : undefined;
    const locale: Locale = person.locale;
    const url = `${setup.origin}${staff ? "/console" : "/portal"}/tickets/${ticket.number}`;
    const facts: TicketMailFacts = {
      brand: setup.brand,
      product: setup.product,
      signature: setup.signature,
      recipientFirstName: person.name.split(/\s+/)[0] ?? person.name,
      number: ticket.number,
      subject: ticket.subject,
      companyName: ticket.company_name,
      statusLabel: translate(locale, `ticket.status.${ticket.status}`),
      url,
      actorName: actor?.name ?? null,
      quote: quoted ? { html: quoted.body_html ?? "", text: quoted.body ?? "" } : undefined,
      deadlines:
        reason.purpose === "ticket_opened"
          ? deadlines.map((d) => [
              translate(locale, `ticket.sla.metric.${d.metric}`),
              formatDateTime(d.due_at as number, locale),
            ])
          : undefined,
      reopenDays: setup.reopenDays,
      mergedIntoNumber: reason.mergedIntoNumber,
      metricLabel: reason.metric ? translate(locale, `sla.metric.${reason.metric}`) : undefined,
      replyByEmail: setup.reply !== undefined && setup.inbound,
      preferencesUrl: `${setup.origin}/profile`,
    };
    const rendered = renderEmail(setup.brand, ticketEmailParts(locale, reason.purpose, facts));
    const id = newId();
    emails.push({
      id,
      purpose: reason.purpose,
      recipientId: userId,
      to: person.email,
      ...rendered,
      messageId: `<${id}@${setup.messageIdDomain}>`,
      // Customers may answer by e-mail; staff answer in the console (a reply to a note must not go public).
      replyTo:
        setup.reply && !staff ? replyAddress(setup.reply.secret, setup.reply, ticket.number, userId) : null,
      headers: {
        "Auto-Submitted": "auto-generated",
        "X-Extranet-Ticket": String(ticket.number),
        // Every e-mail of a ticket in one thread in the reader's mail client.
        References: `<ticket-${ticket.number}@${setup.messageIdDomain}>`,
        "List-Unsubscribe": `<${setup.origin}/profile>`,
      },
      ticketId: ticket.id,
    });
  }
  await insertEmails(trx, emails, at);
  return emails.length;
}
