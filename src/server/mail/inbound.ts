// Replies by e-mail. An e-mail arrives (the SMTP listener, or later an IMAP mailbox) and becomes a
// reply on its ticket only when everything holds: it is not an auto-reply, a bounce or one of our
// own; it is addressed to a signed reply address of ours (`suporte+1042-<signature>@…`) whose
// signature was issued to a user of the ticket's company; and its sender is that user or another
// active user of the same company. The new text alone is kept (quoted history and signatures
// removed; HTML-only mail becomes text, never rendered HTML). Posted through the same command as
// the portal's "Resposta" box, so status, clocks, the reopen window, live events and e-mails follow.
// A redelivered e-mail (same Message-ID) posts once.

import { Readable } from "node:stream";
import EmailReplyParser from "email-reply-parser";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
import type { Locale } from "../../contracts/common";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_SUBMISSION } from "../../contracts/tickets";
import type { Actor } from "../../domain/policies";
import { type MessageParams, translate } from "../../i18n";
import type { AppContext } from "../context";
import { newId } from "../crypto";
import { AppError } from "../errors";
import { uploadAttachment } from "../modules/attachments/service";
import { findIdempotencyKey } from "../modules/idempotency/repository";
import { insertEmails } from "../modules/outbox/repository";
import { readStoredSettings } from "../modules/settings/service";
import { addMessage } from "../modules/tickets/service";
import { renderEmail } from "./render";
import { parseReplyAddress, signatureMatches } from "./reply-address";
import { mailSetup } from "./setup";

export type InboundOutcome =
  | { kind: "posted"; ticketNumber: number; userId: string }
  | { kind: "ignored"; reason: "automatic" | "own_message" }
  | {
      kind: "refused";
      reason: "not_configured" | "bad_signature" | "unknown_sender" | "empty" | "not_accepted";
    }
  | { kind: "answered"; reason: "not_a_reply" }
  | { kind: "dropped"; reason: "not_a_reply_unknown_sender" | "not_a_reply_already_answered" };

/** The largest e-mail taken (the listener refuses bigger ones while they arrive). */
export const MAX_INBOUND_BYTES = 25 * 1024 * 1024;
/** A sender who writes new e-mails (not replies) is answered at most once a day. */
const NOT_A_REPLY_ANSWER_MS = 24 * 3_600_000;

const addressesOf = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
    group.value.flatMap((a) => (a.address ? [a.address.toLowerCase()] : [])),
  );

/** Auto-replies, bounces and bulk mail never become messages and are never answered (RFC 3834). */
export function isAutomatic(mail: ParsedMail, envelopeFrom: string | null): boolean {
  const header = (name: string) => {
    const value = mail.headers.get(name);
    return typeof value === "string"
      ? value.toLowerCase().trim()
      : value === undefined
        ? ""
        : String(value).toLowerCase();
  };
  const autoSubmitted = header("auto-submitted");
  if (autoSubmitted !== "" && autoSubmitted !== "no") return true;
  if (/^(bulk|junk|list|auto_reply)$/.test(header("precedence"))) return true;
  if (
    mail.headers.has("x-autoreply") ||
    mail.headers.has("x-autorespond") ||
    mail.headers.has("x-auto-response-suppress")
  )
    return true;
  if (envelopeFrom === "" || envelopeFrom === "<>") return true;
  const from = addressesOf(mail.from)[0] ?? "";
  if (/^(mailer-daemon|postmaster|no-?reply)@/i.test(from)) return true;
  const contentType = header("content-type");
  return contentType.includes("multipart/report");
}

const MOBILE_SIGNATURES = [
  /^enviado do meu (iphone|ipad|android|celular|smartphone).*$/im,
  /^enviado d[eo] (meu )?(outlook|gmail|samsung|yahoo).*$/im,
  /^sent from my (iphone|ipad|android|phone|mobile).*$/im,
  /^(get|obter) (o )?outlook (for|para) (ios|android).*$/im,
];

/** The new text of a reply: quoted history, "-- " signatures and mobile sign-offs removed. */
export function newTextOf(mail: ParsedMail): string {
  // mailparser writes text for an HTML-only e-mail; the HTML itself is never used.
  const text = (mail.text ?? "").replace(/\r\n/g, "\n");
  let reply = new EmailReplyParser().parseReply(text);
  for (const pattern of MOBILE_SIGNATURES) reply = reply.replace(pattern, "");
  return withoutAttribution(reply)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * What is left of an attribution line wrapped over two lines whose first half was quoted ("> Em 7
 * de dez. de 2026, à(s) 11:50, Suporte UNO <" then "suporte+…> escreveu:"), as iPhones write it:
 * a last line ending in "escreveu:" or "wrote:" goes, with the start of its attribution just above.
 */
function withoutAttribution(text: string): string {
  const lines = text.trimEnd().split("\n");
  const last = lines.length - 1;
  if (!/(escreveu|wrote)\s*:\s*$/i.test(lines[last] ?? "")) return text;
  let start = last;
  for (let i = last - 1; i >= Math.max(0, last - 3); i--) {
    if (/^>?\s*(Em|On)\s/i.test(lines[i] ?? "")) {
      start = i;
      break;
    }
  }
  return lines.slice(0, start).join("\n");
}

export async function receiveEmail(
  ctx: AppContext,
  raw: Buffer | string,
  envelope: { mailFrom: string | null; rcptTo: readonly string[] },
): Promise<InboundOutcome> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const setup = mailSetup(ctx.config, await readStoredSettings(ctx.db));
  if (isAutomatic(mail, envelope.mailFrom)) return { kind: "ignored", reason: "automatic" };
  if (mail.messageId && (await isOurMessage(ctx, mail.messageId)))
    return { kind: "ignored", reason: "own_message" };
  if (!setup.reply) return { kind: "refused", reason: "not_configured" };

  const recipients = [
    ...envelope.rcptTo.map((a) => a.toLowerCase()),
    ...addressesOf(mail.to),
    ...addressesOf(mail.cc),
  ];
  const address = recipients
    .map((a) => parseReplyAddress(a, setup.reply as NonNullable<typeof setup.reply>))
    .find(Boolean);
  const from = addressesOf(mail.from)[0];
  if (!address) return answerNotAReply(ctx, from);

  const ticket = await ctx.db
    .selectFrom("ticket")
    .select(["id", "number", "company_id"])
    .where("number", "=", address.ticketNumber)
    .executeTakeFirst();
  // A missing ticket and a forged signature answer alike.
  if (!ticket) return { kind: "refused", reason: "bad_signature" };
  const people = await ctx.db
    .selectFrom("app_user")
    .select(["id", "email", "role", "active", "company_id", "locale"])
    .where("company_id", "=", ticket.company_id)
    .execute();
  const issuedTo = people.find((p) =>
    signatureMatches(setup.reply?.secret ?? "", ticket.number, p.id, address.signature),
  );
  if (!issuedTo) return { kind: "refused", reason: "bad_signature" };
  const sender = people.find((p) => p.email === from && p.active === 1);
  if (!sender) return { kind: "refused", reason: "unknown_sender" };

  const actor: Actor = { userId: sender.id, role: sender.role, companyId: sender.company_id };
  // The Message-ID makes a redelivery (the sender's server retrying) a replay, not a second reply.
  const key = mail.messageId
    ? `email:${mail.messageId}`.replace(/[^\x21-\x7e]/g, "").slice(0, 255)
    : undefined;
  if (key && (await findIdempotencyKey(ctx.db, sender.id, key))) {
    return { kind: "posted", ticketNumber: ticket.number, userId: sender.id };
  }
  const files = await attachFiles(ctx, actor, mail, sender.locale);
  const body = [newTextOf(mail), ...files.refused].filter((part) => part !== "").join("\n\n");
  if (body === "" && files.ids.length === 0) return { kind: "refused", reason: "empty" };
  try {
    await addMessage(
      ctx,
      actor,
      ticket.number,
      { body: body.slice(0, 10_000), internal: false, attachmentIds: files.ids },
      key,
    );
  } catch (error) {
    // The ticket refuses the reply (cancelled, merged, closed past the reopen window): not posted.
    if (error instanceof Error && "statusCode" in error) return { kind: "refused", reason: "not_accepted" };
    throw error;
  }
  return { kind: "posted", ticketNumber: ticket.number, userId: sender.id };
}

/**
 * The e-mail's files, through the portal's own checks (content sniffed, size, quota, upload rate):
 * the accepted ones' ids, and a line for each refused one, which the reply then says.
 * Images embedded in the HTML (logos of signatures) are left out.
 */
async function attachFiles(
  ctx: AppContext,
  actor: Actor,
  mail: ParsedMail,
  locale: Locale,
): Promise<{ ids: string[]; refused: string[] }> {
  const ids: string[] = [];
  const refused: string[] = [];
  for (const file of mail.attachments.filter((a) => !a.related && a.contentDisposition !== "inline")) {
    const filename = file.filename ?? "anexo";
    const refuse = (reason: string) =>
      refused.push(translate(locale, "inbound.attachmentRefused", { file: filename, reason }));
    if (ids.length >= MAX_ATTACHMENTS_PER_SUBMISSION) {
      refuse(translate(locale, "inbound.attachmentTooMany", { max: MAX_ATTACHMENTS_PER_SUBMISSION }));
      continue;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      refuse(translate(locale, "error.body_too_large"));
      continue;
    }
    try {
      const row = await uploadAttachment(ctx, actor, { filename, stream: Readable.from([file.content]) });
      ids.push(row.id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refuse(translate(locale, error.messageKey, localParams(error)));
    }
  }
  return { ids, refused };
}

/** Ours: `<id@domain>` where id is an outbox row that carries exactly this Message-ID. */
async function isOurMessage(ctx: AppContext, messageId: string): Promise<boolean> {
  const bare = messageId.replace(/^<|>$/g, "");
  const id = bare.slice(0, bare.indexOf("@"));
  if (!id) return false;
  const row = await ctx.db
    .selectFrom("outbox_message")
    .select("message_id")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.message_id === `<${bare}>`;
}

/**
 * A new e-mail, not a reply, opens no ticket (the form asks for the category, the ERP screen and an
 * example record): an active user gets one answer a day pointing to "Abertura de ocorrência";
 * anyone else, nothing (no mail to strangers, no backscatter).
 */
async function answerNotAReply(ctx: AppContext, from: string | undefined): Promise<InboundOutcome> {
  if (!from) return { kind: "dropped", reason: "not_a_reply_unknown_sender" };
  const user = await ctx.db
    .selectFrom("app_user")
    .select(["id", "name", "email", "locale", "role", "active"])
    .where("email", "=", from)
    .executeTakeFirst();
  if (user?.active !== 1) return { kind: "dropped", reason: "not_a_reply_unknown_sender" };
  const now = ctx.clock.now();
  const answered = await ctx.db.transaction().execute(async (trx) => {
    const recent = await trx
      .selectFrom("outbox_message")
      .select("id")
      .where("purpose", "=", "inbound_not_a_reply")
      .where("to_address", "=", user.email)
      .where("created_at", ">", now - NOT_A_REPLY_ANSWER_MS)
      .executeTakeFirst();
    if (recent) return false;
    const setup = mailSetup(ctx.config, await readStoredSettings(trx));
    const firstName = user.name.split(/\s+/)[0] ?? user.name;
    const staff = !user.role.startsWith("customer");
    const url = `${setup.origin}${staff ? "/console/phone" : "/portal/new"}`;
    const parts =
      user.locale === "en"
        ? {
            subject: `How to open a ticket in the ${setup.brand} Extranet`,
            greeting: `Hello, ${firstName}.`,
            paragraphs: [
              "We received your e-mail, but a new request is not opened by e-mail: the ticket form asks for the category, the ERP screen and an example record, so that the support team can start at once.",
              "Please open it in the Extranet. To answer an existing ticket, reply to the e-mail we sent about it.",
            ],
            action: { label: "Open a ticket", url },
            signature: setup.signature,
            footer: ["This answer is sent at most once a day."],
          }
        : {
            subject: `Como abrir uma ocorrência na Extranet ${setup.brand}`,
            greeting: `Olá, ${firstName}.`,
            paragraphs: [
              "Recebemos o seu e-mail, mas uma nova solicitação não é aberta por e-mail: o formulário de ocorrência pede a categoria, a tela do ERP e um registro de exemplo, para que a equipe de suporte possa começar de imediato.",
              "Abra a ocorrência pela Extranet. Para responder a uma ocorrência existente, responda ao e-mail que enviamos sobre ela.",
            ],
            action: { label: "Abrir uma ocorrência", url },
            signature: setup.signature,
            footer: ["Esta resposta é enviada no máximo uma vez por dia."],
          };
    const id = newId();
    await insertEmails(
      trx,
      [
        {
          id,
          purpose: "inbound_not_a_reply",
          recipientId: user.id,
          to: user.email,
          ...renderEmail(setup.brand, parts),
          messageId: `<${id}@${setup.messageIdDomain}>`,
          replyTo: null,
          headers: { "Auto-Submitted": "auto-replied" },
          ticketId: null,
        },
      ],
      now,
    );
    return true;
  });
  if (!answered) return { kind: "dropped", reason: "not_a_reply_already_answered" };
  ctx.mailer?.nudge();
  return { kind: "answered", reason: "not_a_reply" };
}

/** An error's own parameters when they are plain (a file name, a size), for the refusal's line. */
function localParams(error: AppError): MessageParams | undefined {
  const params = error.params;
  if (!params) return undefined;
  const plain = Object.entries(params).filter((entry): entry is [string, string | number] =>
    ["string", "number"].includes(typeof entry[1]),
  );
  return Object.fromEntries(plain);
}
