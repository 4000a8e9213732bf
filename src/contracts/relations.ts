// Merges (a duplicate continues in another ticket) and links (related tickets), both within one company.
import { z } from "zod";
import { TicketNumberParams } from "./tickets";

const TicketNumber = z.number().int().positive().max(2_000_000_000);

export const MergeTicketRequest = z.strictObject({
  /** The ticket that continues; the one in the address is the duplicate. */
  intoNumber: TicketNumber,
  /** The duplicate's version the agent saw (409 when stale). */
  version: z.number().int().positive(),
});
export type MergeTicketRequest = z.infer<typeof MergeTicketRequest>;

export const LinkTicketRequest = z.strictObject({
  /** The related ticket's number. */
  number: TicketNumber,
});
export type LinkTicketRequest = z.infer<typeof LinkTicketRequest>;

export const TicketLinkParams = TicketNumberParams.extend({
  other: z.coerce.number().int().positive().max(2_000_000_000),
});
