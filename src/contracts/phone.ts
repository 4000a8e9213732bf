// Phone calls: a call logged as a new ticket on behalf of a customer, or as an event on an existing one.
import { z } from "zod";
import { Id } from "./common";
import { CreateTicketRequest } from "./tickets";

/** Minutes on the phone, 1 to 600 (ten hours). */
export const CallDuration = z.number().int().min(1).max(600);

/** The portal's form (every field required, attachments optional), for a customer the agent names. */
export const PhoneTicketRequest = CreateTicketRequest.omit({ relatedTicketNumber: true }).extend({
  /** An active customer user of an active company: the ticket is theirs and their company's. */
  requesterId: Id,
  durationMinutes: CallDuration,
});
export type PhoneTicketRequest = z.infer<typeof PhoneTicketRequest>;

export const LogCallRequest = z.strictObject({
  durationMinutes: CallDuration,
  /** "Resumo da ligação", Markdown. */
  summary: z.string().trim().min(1).max(10_000),
  /** Staff only when true; by default the customer reads the summary, and it answers like a reply. */
  internal: z.boolean().default(false),
});
export type LogCallRequest = z.infer<typeof LogCallRequest>;
