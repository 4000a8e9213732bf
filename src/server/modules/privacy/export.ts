// A person's data as a zip (LGPD's right of access): JSON files for the profile, the tickets they
// opened, their messages, their sign-ins and their attachments' list, plus the files themselves.
// Streamed: the files are read from storage as the archive is written, never held in memory.
import type { Readable } from "node:stream";
import { ZipFile } from "yazl";
import type { AppContext, CommandMeta } from "../../context";
import { toIsoOrNull as iso } from "../../db/time";
import { errors } from "../../errors";
import { cleanFilename } from "../attachments/file-types";
import { storageOf } from "../attachments/service";
import { recordAudit } from "../audit/repository";
import {
  attachmentsUploadedBy,
  failedSignInsOf,
  findPerson,
  messagesWrittenBy,
  sessionsOf,
  ticketsOpenedBy,
} from "./repository";

export interface PersonExport {
  fileName: string;
  stream: Readable;
}

/** Reads everything, records the export in the audit trail, then streams the archive. */
export async function exportPerson(
  ctx: AppContext,
  meta: CommandMeta,
  userId: string,
): Promise<PersonExport> {
  const data = await ctx.db.transaction().execute(async (trx) => {
    const person = await findPerson(trx, userId);
    if (!person) throw errors.notFound("user.not_found");
    const [tickets, messages, attachments, sessions, failures] = await Promise.all([
      ticketsOpenedBy(trx, userId),
      messagesWrittenBy(trx, userId),
      attachmentsUploadedBy(trx, userId),
      sessionsOf(trx, userId),
      failedSignInsOf(trx, person.email),
    ]);
    await recordAudit(trx, meta, ctx.clock.now(), {
      action: "user.data_exported",
      targetType: "user",
      targetId: userId,
      details: { tickets: tickets.length, messages: messages.length, attachments: attachments.length },
    });
    return { person, tickets, messages, attachments, sessions, failures };
  });
  const { person, tickets, messages, attachments, sessions, failures } = data;
  const zip = new ZipFile();
  const add = (name: string, value: unknown) =>
    zip.addBuffer(Buffer.from(`${JSON.stringify(value, null, 2)}\n`), name);
  add("perfil.json", {
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    locale: person.locale,
    company: person.company_name,
    active: person.active === 1,
    createdAt: iso(person.created_at),
    updatedAt: iso(person.updated_at),
    anonymizedAt: iso(person.anonymized_at),
  });
  add(
    "ocorrencias.json",
    tickets.map((ticket) => ({
      number: ticket.number,
      subject: ticket.subject,
      description: ticket.description,
      exampleRecord: ticket.example_record,
      screen: ticket.screen_code,
      status: ticket.status,
      priority: ticket.priority,
      kind: ticket.kind,
      channel: ticket.channel,
      createdAt: iso(ticket.created_at),
      updatedAt: iso(ticket.updated_at),
      resolvedAt: iso(ticket.resolved_at),
    })),
  );
  add(
    "mensagens.json",
    messages.map((message) => ({
      ticketNumber: message.ticket_number,
      type: message.type,
      internal: message.internal === 1,
      body: message.body,
      createdAt: iso(message.created_at),
    })),
  );
  add("acessos.json", {
    lastSignInAt: iso(person.last_login_at),
    previousSignInAt: iso(person.previous_login_at),
    sessions: sessions.map((session) => ({
      startedAt: iso(session.created_at),
      lastSeenAt: iso(session.last_seen_at),
      expiresAt: iso(session.expires_at),
      ip: session.ip,
      userAgent: session.user_agent,
    })),
    failedSignIns: failures.map((failure) => iso(failure.at)),
  });
  const storage = storageOf(ctx);
  const files = attachments.map((attachment) => ({
    ticketNumber: attachment.ticket_number,
    filename: attachment.filename,
    contentType: attachment.content_type,
    size: attachment.size,
    sha256: attachment.sha256,
    uploadedAt: iso(attachment.created_at),
    /** Where the file is in this archive; null when the retention setting removed it. */
    file:
      attachment.purged_at === null
        ? `anexos/${attachment.id.slice(0, 8)}-${cleanFilename(attachment.filename)}`
        : null,
    removedAt: iso(attachment.purged_at),
  }));
  add("anexos.json", files);
  attachments.forEach((attachment, index) => {
    const file = files[index]?.file;
    if (file) zip.addReadStream(storage.read(attachment.storage_key), file);
  });
  zip.end();
  return { fileName: `dados-pessoais-${person.id}.zip`, stream: zip.outputStream as Readable };
}
