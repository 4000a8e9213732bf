// Personal data (LGPD): what an admin sees of a person before acting, and anonymizing them — name,
// e-mail and sign-ins removed everywhere they appear (profile, ticket texts, history, audit details,
// the search index), in one transaction, audited without repeating what was removed.
import { ANONYMIZED_NAME, type PersonPrivacy } from "../../../contracts/privacy";
import type { AppContext, CommandMeta } from "../../context";
import { errors } from "../../errors";
import { endStreams } from "../../events/streams-end";
import { recordAudit } from "../audit/repository";
import { needlesOf, type Redaction, redactTerms, redactText, redactValue } from "./redact";
import {
  auditEntriesMentioning,
  countPersonData,
  emailsMentioning,
  eventsMentioning,
  findPerson,
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

    const rewritten = new Set<string>();
    let events = 0;
    for (const ticket of await ticketsMentioning(trx, needles, userId)) {
      const changed = {
        subject: redactText(ticket.subject, redaction),
        description: redactText(ticket.description, redaction),
        description_html: redactText(ticket.description_html, redaction),
        example_record: redactText(ticket.example_record, redaction),
        search_terms: redactTerms(ticket.search_terms, redaction),
      };
      await trx.updateTable("ticket").set(changed).where("id", "=", ticket.id).execute();
      rewritten.add(ticket.id);
    }
    const touchedTickets = new Set<string>();
    for (const event of await eventsMentioning(trx, needles)) {
      const redact = (text: string | null) => (text === null ? null : redactText(text, redaction));
      await trx
        .updateTable("ticket_event")
        .set({
          body: redact(event.body),
          body_html: redact(event.body_html),
          from_value: redact(event.from_value),
          to_value: redact(event.to_value),
        })
        .where("id", "=", event.id)
        .execute();
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
    for (const mail of await emailsMentioning(trx, needles)) {
      await trx
        .updateTable("outbox_message")
        .set({
          subject: redactText(mail.subject, redaction),
          text_body: redactText(mail.text_body, redaction),
          html_body: redactText(mail.html_body, redaction),
        })
        .where("id", "=", mail.id)
        .execute();
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
