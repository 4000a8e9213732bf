// Per-ticket, per-recipient reply addresses: `suporte+1042-<signature>@<reply domain>`. The signature
// is an HMAC of the ticket's number and the recipient's id keyed by MAIL_REPLY_SECRET, so a reply
// lands on the right ticket, an address cannot be forged for another ticket, and the address tells
// which person it was issued to (the receiver tries the ticket's company's users).
import { createHmac, timingSafeEqual } from "node:crypto";

/** 20 hex digits (80 bits): short enough for any mail system, lower-case so case-folding is harmless. */
const SIGNATURE_LENGTH = 20;

export function replySignature(secret: string, ticketNumber: number, userId: string): string {
  return createHmac("sha256", secret)
    .update(`reply:${ticketNumber}:${userId}`)
    .digest("hex")
    .slice(0, SIGNATURE_LENGTH);
}

export function replyAddress(
  secret: string,
  mailbox: { local: string; domain: string },
  ticketNumber: number,
  userId: string,
): string {
  return `${mailbox.local}+${ticketNumber}-${replySignature(secret, ticketNumber, userId)}@${mailbox.domain}`;
}

/** The ticket and signature an address carries, or undefined when it is not a reply address of ours. */
export function parseReplyAddress(
  address: string,
  mailbox: { local: string; domain: string },
): { ticketNumber: number; signature: string } | undefined {
  const match = /^([^@+]+)\+(\d{1,12})-([0-9a-f]+)@(.+)$/i.exec(address.trim());
  if (!match) return undefined;
  const [, local = "", number = "", signature = "", domain = ""] = match;
  if (
    local.toLowerCase() !== mailbox.local.toLowerCase() ||
    domain.toLowerCase() !== mailbox.domain.toLowerCase()
  )
    return undefined;
  if (signature.length !== SIGNATURE_LENGTH) return undefined;
  return { ticketNumber: Number(number), signature: signature.toLowerCase() };
}

export function signatureMatches(
  secret: string,
  ticketNumber: number,
  userId: string,
  signature: string,
): boolean {
  const expected = Buffer.from(replySignature(secret, ticketNumber, userId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
