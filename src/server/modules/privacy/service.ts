// Personal data (LGPD): what an admin sees of a person before acting, and anonymizing them — name,
// e-mail and sign-ins removed everywhere they appear (profile, ticket texts, history, e-mails, audit
// details, the search index), and their first name alone from every text that names them or belongs
// to their tickets, in one transaction, audited without repeating what was removed.
import { ANONYMIZED_NAME, type PersonPrivacy } from "../../../contracts/privacy";
import type { AppContext, CommandMeta } from "../../context";
import { toIsoOrNull } from "../../db/time";
import { errors } from "../../errors";
import { endStreams } from "../../events/streams-end";
import { recordAudit } from "../audit/repository";
import {
  firstNameOf,
  needlesOf,
  type Redaction,
  redactFirstName,
  redactTerms,
  redactText,
  redactValue,
} from "./redact";
import {
  auditEntriesMentioning,
  countPersonData,
  emailsMentioning,
  emailsOfTickets,
  eventsMentioning,
  findPerson,
  messagesOfTickets,
  otherActiveAdmins,
  removeSignIns,
  rewriteAuditDetails,
  ticketIdsConcerning,
  ticketTexts,
} from "./repository";

export async function personPrivacy(ctx: AppContext, userId: string): Promise<PersonPrivacy> {
  const person = await findPerson(ctx.db, userId);
  if (!person) throw errors.notFound("user.not_found");
  const counts = await countPersonData(ctx.db, userId);
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    companyName: person.company_name,
    anonymizedAt: toIsoOrNull(person.anonymized_at),
    ticketsOpened: counts.tickets,
    messages: counts.messages,
    attachments: counts.attachments,
  };
}

/** Tickets rewritten per round of statements: bounded memory and parameter lists on either database. */
const CHUNK = 200;

type HistoryTexts = Awaited<ReturnType<typeof eventsMentioning>>[number];
type EmailTexts = Awaited<ReturnType<typeof emailsMentioning>>[number];

/** Whether each of `changed`'s fields holds what `row` holds already: then there is nothing to write. */
function unchanged<Row extends object>(row: Row, changed: Partial<Row>): boolean {
  return (Object.keys(changed) as (keyof Row)[]).every((field) => changed[field] === row[field]);
}

/** The address an anonymized account keeps: unique, and never deliverable (RFC 2606's `.invalid`). */
const anonymizedEmail = (userId: string) => `anonimizado-${userId}@anonimizado.invalid`;

export async function anonymizePerson(
  ctx: AppContext,
  meta: CommandMeta,
  userId: string,
): Promise<PersonPrivacy> {
  await ctx.db.transaction().execute(async (trx) => {
    const person = await findPerson(trx, userId);
    if (!person) throw errors.notFound("user.not_found");
    if (person.anonymized_at !== null) throw errors.conflict("privacy.already_anonymized");
    if (person.role === "admin" && person.active === 1 && (await otherActiveAdmins(trx, userId)) === 0)
      throw errors.conflict("privacy.last_admin");
    const now = ctx.clock.now();
    const redaction: Redaction = { name: person.name, email: person.email };
    const needles = needlesOf(redaction);
    // Every text this rewrites names the person, or is one of their tickets': a first name standing
    // alone there ("Olá, Marta") is theirs.
    const firstName = firstNameOf(person.name);
    const redact = (text: string) => {
      const out = redactText(text, redaction);
      return firstName ? redactFirstName(out, firstName) : out;
    };
    const redactOrNull = (text: string | null) => (text === null ? null : redact(text));

    // E-mails written to the person go first (sent or waiting: nothing more reaches them); those that
    // name them (a quoted reply, "Fernanda Lima escreveu") are rewritten like the history.
    await trx
      .deleteFrom("outbox_message")
      .where((eb) => eb.or([eb("recipient_id", "=", userId), eb("to_address", "=", person.email)]))
      .execute();

    const touchedTickets = new Set<string>();
    let events = 0;
    const rewriteEvent = async (event: HistoryTexts) => {
      const changed = {
        body: redactOrNull(event.body),
        body_html: redactOrNull(event.body_html),
        from_value: redactOrNull(event.from_value),
        to_value: redactOrNull(event.to_value),
      };
      if (unchanged(event, changed)) return;
      await trx.updateTable("ticket_event").set(changed).where("id", "=", event.id).execute();
      touchedTickets.add(event.ticket_id);
      events += 1;
    };
    const rewriteEmail = async (mail: EmailTexts) => {
      const changed = {
        subject: redact(mail.subject),
        text_body: redact(mail.text_body),
        html_body: redact(mail.html_body),
      };
      if (unchanged(mail, changed)) return;
      await trx.updateTable("outbox_message").set(changed).where("id", "=", mail.id).execute();
    };

    // Their tickets and those naming them, a few hundred at a time (an agent may have written in tens
    // of thousands): the texts, then, for the first name, every message and e-mail of those tickets.
    const concerning = await ticketIdsConcerning(trx, needles, userId);
    for (let start = 0; start < concerning.length; start += CHUNK) {
      const chunk = concerning.slice(start, start + CHUNK);
      for (const ticket of await ticketTexts(trx, chunk)) {
        const changed = {
          subject: redact(ticket.subject),
          description: redact(ticket.description),
          description_html: redact(ticket.description_html),
          example_record: redact(ticket.example_record),
          search_terms: redactTerms(ticket.search_terms, redaction),
        };
        await trx.updateTable("ticket").set(changed).where("id", "=", ticket.id).execute();
      }
      if (firstName) {
        for (const event of await messagesOfTickets(trx, chunk)) await rewriteEvent(event);
        for (const mail of await emailsOfTickets(trx, chunk)) await rewriteEmail(mail);
      }
    }
    // Elsewhere, the history and e-mails that name them in full (their tickets' are done already).
    for (const event of await eventsMentioning(trx, needles)) await rewriteEvent(event);
    for (const mail of await emailsMentioning(trx, needles)) await rewriteEmail(mail);
    // Replies are indexed with their ticket: the ticket's terms lose the name too.
    const rewritten = new Set(concerning);
    for (const ticketId of touchedTickets) {
      if (rewritten.has(ticketId)) continue;
      const row = await trx
        .selectFrom("ticket")
        .select("search_terms")
        .where("id", "=", ticketId)
        .executeTakeFirst();
      if (row)
        await trx
          .updateTable("ticket")
          .set({ search_terms: redactTerms(row.search_terms, redaction) })
          .where("id", "=", ticketId)
          .execute();
    }
    for (const entry of await auditEntriesMentioning(trx, needles)) {
      await rewriteAuditDetails(
        trx,
        entry.id,
        redactValue(entry.details, redaction) as Record<string, unknown>,
      );
    }
    await trx.deleteFrom("email_opt_out").where("user_id", "=", userId).execute();
    await trx.deleteFrom("ticket_follower").where("user_id", "=", userId).execute();
    await removeSignIns(trx, userId, person.email);
    await trx
      .updateTable("app_user")
      .set({
        name: ANONYMIZED_NAME,
        email: anonymizedEmail(userId),
        password_hash: null,
        active: 0,
        last_login_at: null,
        previous_login_at: null,
        anonymized_at: now,
        updated_at: now,
      })
      .where("id", "=", userId)
      .execute();
    await recordAudit(trx, meta, now, {
      action: "user.anonymized",
      targetType: "user",
      targetId: userId,
      details: { tickets: new Set([...rewritten, ...touchedTickets]).size, historyEvents: events },
    });
  });
  await endStreams(ctx.live, { kind: "user", id: userId }, ctx.clock.now());
  return personPrivacy(ctx, userId);
}
