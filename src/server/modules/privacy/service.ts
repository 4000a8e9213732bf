// Personal data (LGPD): what an admin sees of a person before acting, and anonymizing them — name,
// e-mail and sign-ins removed everywhere they appear (profile, ticket texts, history, e-mails, audit
// details, the search index), and their first name alone from every text that names them or belongs
// to their tickets, in one transaction, audited without repeating what was removed.
import { ANONYMIZED_NAME, type PersonPrivacy } from "../../../contracts/privacy";
import type { AppContext, CommandMeta } from "../../context";
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
  ticketsMentioning,
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
    anonymizedAt: person.anonymized_at === null ? null : new Date(person.anonymized_at).toISOString(),
    ticketsOpened: counts.tickets,
    messages: counts.messages,
    attachments: counts.attachments,
  };
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

    const rewritten = new Set<string>();
    let events = 0;
    for (const ticket of await ticketsMentioning(trx, needles, userId)) {
      const changed = {
        subject: redact(ticket.subject),
        description: redact(ticket.description),
        description_html: redact(ticket.description_html),
        example_record: redact(ticket.example_record),
        search_terms: redactTerms(ticket.search_terms, redaction),
      };
      await trx.updateTable("ticket").set(changed).where("id", "=", ticket.id).execute();
      rewritten.add(ticket.id);
    }
    const touchedTickets = new Set<string>();
    const history = new Map((await eventsMentioning(trx, needles)).map((event) => [event.id, event]));
    if (firstName) {
      for (const event of await messagesOfTickets(trx, [...rewritten])) history.set(event.id, event);
    }
    for (const event of history.values()) {
      const changed = {
        body: redactOrNull(event.body),
        body_html: redactOrNull(event.body_html),
        from_value: redactOrNull(event.from_value),
        to_value: redactOrNull(event.to_value),
      };
      if (
        changed.body === event.body &&
        changed.body_html === event.body_html &&
        changed.from_value === event.from_value &&
        changed.to_value === event.to_value
      )
        continue;
      await trx.updateTable("ticket_event").set(changed).where("id", "=", event.id).execute();
      touchedTickets.add(event.ticket_id);
      events += 1;
    }
    // Replies are indexed with their ticket: the ticket's terms lose the name too.
    for (const ticketId of touchedTickets) {
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
    // E-mails: those written to the person go (sent or waiting: nothing more reaches them); others
    // that name them (a quoted reply, "Fernanda Lima escreveu") are rewritten like the history.
    await trx
      .deleteFrom("outbox_message")
      .where((eb) => eb.or([eb("recipient_id", "=", userId), eb("to_address", "=", person.email)]))
      .execute();
    const mails = new Map((await emailsMentioning(trx, needles)).map((mail) => [mail.id, mail]));
    if (firstName) for (const mail of await emailsOfTickets(trx, [...rewritten])) mails.set(mail.id, mail);
    for (const mail of mails.values()) {
      const changed = {
        subject: redact(mail.subject),
        text_body: redact(mail.text_body),
        html_body: redact(mail.html_body),
      };
      if (
        changed.subject === mail.subject &&
        changed.text_body === mail.text_body &&
        changed.html_body === mail.html_body
      )
        continue;
      await trx.updateTable("outbox_message").set(changed).where("id", "=", mail.id).execute();
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
