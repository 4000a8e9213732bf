// Canned responses ("respostas prontas"): personal or shared replies with {placeholders} that the
// console fills in for a ticket and inserts in the reply box, still editable.
import { z } from "zod";
import { Id, Instant, PageQuery, pageOf } from "./common";

/** The placeholders a canned response may use, in pt-BR and their English aliases. */
export const CANNED_PLACEHOLDERS = [
  { name: "cliente", alias: "customer" },
  /** The requester's first name, for greetings: "Olá, Fernanda!". */
  { name: "nome", alias: "firstName" },
  { name: "empresa", alias: "company" },
  { name: "ocorrencia", alias: "ticket" },
  { name: "plano", alias: "plan" },
  { name: "prazo", alias: "due" },
] as const;

export const CannedResponse = z.object({
  id: Id,
  title: z.string(),
  /** Markdown with {placeholders}. */
  body: z.string(),
  /** Shared with the whole team (kept by supervisors and admins); otherwise the caller's own. */
  shared: z.boolean(),
  /** Whether the caller may change or delete it. */
  editable: z.boolean(),
  updatedAt: Instant,
});
export type CannedResponse = z.infer<typeof CannedResponse>;

export const CannedResponseListQuery = PageQuery.extend({
  /** Words of the title or the text, case-insensitively. */
  q: z.string().trim().max(100).optional(),
});
/** The caller's own and the shared ones, by title. */
export const CannedResponsePage = pageOf(CannedResponse).extend({
  /** Whether the caller may create shared ones (supervisors and admins). */
  canShare: z.boolean(),
});
export type CannedResponsePage = z.infer<typeof CannedResponsePage>;

export const CannedResponseIdParams = z.strictObject({ id: Id });

const Title = z.string().trim().min(2).max(80);
const Body = z.string().trim().min(1).max(5_000);

export const CreateCannedResponseRequest = z.strictObject({
  title: Title,
  body: Body,
  /** Only supervisors and admins create shared ones. */
  shared: z.boolean().default(false),
});
export type CreateCannedResponseRequest = z.infer<typeof CreateCannedResponseRequest>;

/** Whether it is shared is settled when it is created. */
export const UpdateCannedResponseRequest = z.strictObject({ title: Title, body: Body });
export type UpdateCannedResponseRequest = z.infer<typeof UpdateCannedResponseRequest>;

export const RenderCannedResponseRequest = z.strictObject({
  ticketNumber: z.number().int().positive().max(2_000_000_000),
});
export type RenderCannedResponseRequest = z.infer<typeof RenderCannedResponseRequest>;

/** The text with the ticket's values in place; unknown or empty placeholders stay as written. */
export const RenderedCannedResponse = z.object({ body: z.string() });
export type RenderedCannedResponse = z.infer<typeof RenderedCannedResponse>;
