// The audit trail ("Auditoria"): what kind of record an entry is about (the database refuses any
// other value, migration 0011), and the trail as the console reads it.
import { z } from "zod";
import { Id, Instant } from "./common";
import { IsoDate } from "./sla";

export const AuditTargetType = z.enum([
  "api_token",
  "article",
  "calendar",
  "canned_response",
  "category",
  "company",
  "erp_installation",
  "outbox_message",
  "plan",
  "saved_view",
  "screen",
  "settings",
  "ticket",
  "user",
  "webhook",
]);
export type AuditTargetType = z.infer<typeof AuditTargetType>;

/** GET /api/v1/audit (and audit.csv): by person, kind of record and period, newest first. */
export const AuditQuery = z
  .strictObject({
    /** Who made the change. */
    actorId: Id.optional(),
    /** What kind of record it was about. */
    kind: AuditTargetType.optional(),
    /** First and last day (inclusive, YYYY-MM-DD), in the vendor's time zone (America/Sao_Paulo). */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "validation.period_order",
    path: ["to"],
  });
export type AuditQuery = z.infer<typeof AuditQuery>;

/** One field of a change, as the record read before and after (JSON values, as recorded). */
export const AuditChange = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditChange = z.infer<typeof AuditChange>;

export const AuditEntry = z.object({
  id: Id,
  at: Instant,
  /** Null: the system (seed, command line, a job). */
  actor: z.object({ id: Id, name: z.string() }).nullable(),
  /** `settings.update`, `user.created`…: the web and the CSV name it from the catalogs. */
  action: z.string(),
  kind: AuditTargetType,
  target: z.object({
    id: z.string(),
    /** The record's name as it reads now (a person's, a company's, a ticket's number); null if gone. */
    label: z.string().nullable(),
  }),
  changes: z.array(AuditChange),
  /** The API token the change came with (its name as it was then); null for a signed-in person's. */
  apiToken: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

/** The people who appear as actors in the trail: the "Pessoa" filter's choices. */
export const AuditActors = z.object({ items: z.array(z.object({ id: Id, name: z.string() })) });
export type AuditActors = z.infer<typeof AuditActors>;
