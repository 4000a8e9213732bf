// Tickets ("ocorrências"): opening, listing, reading the history and replying.
import { z } from "zod";
import { ErrorResponse, Id, Instant, PageQuery, pageOf } from "./common";
import { ScreenCode } from "./screens";

/** aberta · em andamento · aguardando cliente · finalizada · cancelada */
export const TicketStatus = z.enum(["open", "in_progress", "waiting_customer", "resolved", "cancelled"]);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** baixa · normal · alta · urgente */
export const Priority = z.enum(["low", "normal", "high", "urgent"]);
export type Priority = z.infer<typeof Priority>;

export const TicketChannel = z.enum(["portal", "phone", "email"]);
export type TicketChannel = z.infer<typeof TicketChannel>;

/** suporte (included in the plan) · consultoria (billable analysis) */
export const TicketKind = z.enum(["support", "consultancy"]);
export type TicketKind = z.infer<typeof TicketKind>;

export const MAX_ATTACHMENTS_PER_SUBMISSION = 5;
/** Largest attachment accepted, enforced while the upload streams. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Attachments are reached by URL without their ticket: ids are random, not guessable. */
export const AttachmentId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22,64}$/, { message: "validation.invalid_format" });

export const CreateTicketRequest = z.strictObject({
  categoryId: Id,
  subject: z.string().trim().min(5).max(120),
  description: z.string().trim().min(10).max(10_000),
  screenCode: ScreenCode,
  /** The record that shows the problem, e.g. "cliente código 100". */
  exampleRecord: z.string().trim().min(2).max(500),
  priority: Priority,
  /** Uploaded beforehand with POST /api/v1/attachments. */
  attachmentIds: z.array(AttachmentId).max(MAX_ATTACHMENTS_PER_SUBMISSION).default([]),
  /** Opened as a follow-up of a ticket that can no longer be reopened. */
  relatedTicketNumber: z.number().int().positive().optional(),
});
export type CreateTicketRequest = z.infer<typeof CreateTicketRequest>;

/**
 * Opening a ticket and replying may carry an `Idempotency-Key` (printable ASCII, up to 255): a
 * retry with the same key and request replays the first answer instead of writing twice.
 */
export const IdempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/)
    .optional(),
});

export const TicketNumberParams = z.strictObject({
  number: z.coerce.number().int().positive().max(2_000_000_000),
});

export const TicketListQuery = PageQuery.extend({
  status: TicketStatus.optional(),
  /**
   * A ticket number ("1042" or "#1042"), a screen code, or words of the subject, description, example
   * or replies: tickets with any of the words, the best matches first (the cursor then follows that order).
   */
  q: z.string().trim().max(200).optional(),
  /** Staff only: one company's tickets. */
  companyId: Id.optional(),
});

export const Person = z.object({
  id: Id,
  name: z.string(),
  /** True for the support team. */
  staff: z.boolean(),
});

export const TicketSummary = z.object({
  number: z.number().int(),
  status: TicketStatus,
  priority: Priority,
  subject: z.string(),
  screenCode: z.string(),
  screenName: z.string(),
  categoryId: Id,
  categoryName: z.string(),
  companyId: Id,
  companyName: z.string(),
  requester: Person,
  createdAt: Instant,
  updatedAt: Instant,
});
export type TicketSummary = z.infer<typeof TicketSummary>;
export const TicketPage = pageOf(TicketSummary);

export const Attachment = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** Download address; authorized like the ticket. */
  url: z.string(),
  /** Present (true) once the retention setting removed the file: the history still names it. */
  removed: z.boolean().optional(),
});
export type Attachment = z.infer<typeof Attachment>;

export const TicketEventType = z.enum([
  "opened",
  "message",
  "status_changed",
  "priority_changed",
  "attachment_added",
  "reopened",
  "sla_warning",
  "sla_breach",
  "kind_changed",
  // The console's (staff changes, calls, merges, links, consultancy estimates).
  "assigned",
  "category_changed",
  "screen_changed",
  "tags_changed",
  "call_logged",
  "merged",
  "merged_from",
  "linked",
  "estimate_sent",
  "estimate_approved",
  "estimate_declined",
  "estimate_withdrawn",
]);
export type TicketEventType = z.infer<typeof TicketEventType>;

/** The console field a generic change event names (assignee, category, screen or tags). */
export const TicketChangeField = z.enum(["assignee", "category", "screen", "tags"]);
export type TicketChangeField = z.infer<typeof TicketChangeField>;

/** primeira resposta · próxima resposta · solução */
export const SlaMetric = z.enum(["first_response", "next_response", "resolution"]);
export type SlaMetric = z.infer<typeof SlaMetric>;

export const TicketEvent = z.object({
  id: Id,
  type: TicketEventType,
  at: Instant,
  actor: Person.nullable(),
  /** Internal notes and staff-only events; never sent to customers. */
  internal: z.boolean(),
  /** Message text as sanitized HTML (messages only). */
  bodyHtml: z.string().nullable(),
  /** Status changes: { from, to }. */
  fromStatus: TicketStatus.nullable(),
  toStatus: TicketStatus.nullable(),
  /** Priority changes. */
  fromPriority: Priority.nullable(),
  toPriority: Priority.nullable(),
  /** SLA warnings and breaches (internal): which deadline. */
  metric: SlaMetric.nullable(),
  /** Reclassifications: support (in the plan, under SLA) or consultancy (billable, no support SLA). */
  toKind: TicketKind.nullable(),
  /**
   * Console changes (assignee, category, screen, tags): the values as they read when changed
   * ("Juliana Prado", "FIS0001 – Emissão de NF-e", "nfe, urgente"); null when there was none.
   */
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  /** Logged phone calls: minutes on the phone. */
  durationMinutes: z.number().int().nullable(),
  /** Merges and links: the other ticket's number. */
  relatedTicketNumber: z.number().int().nullable(),
  attachments: z.array(Attachment),
});
export type TicketEvent = z.infer<typeof TicketEvent>;

/** no prazo · vence em breve · pausado — aguardando você · violado · cumprido */
export const SlaState = z.enum(["on_time", "due_soon", "paused", "breached", "met"]);

export const TicketSla = z.object({
  /** The plan the ticket was opened under (later plan changes do not apply to it). */
  planName: z.string(),
  /** The current cycle of each deadline. */
  deadlines: z.array(
    z.object({
      metric: SlaMetric,
      /** Null while paused. */
      dueAt: Instant.nullable(),
      state: SlaState,
      metAt: Instant.nullable(),
    }),
  ),
});
export type TicketSla = z.infer<typeof TicketSla>;

/** A related ticket ("Ocorrências vinculadas"); always of the same company. */
export const LinkedTicket = z.object({
  number: z.number().int(),
  subject: z.string(),
  status: TicketStatus,
});
export type LinkedTicket = z.infer<typeof LinkedTicket>;

export const Ticket = TicketSummary.extend({
  /** Null when the company had no plan when the ticket was opened. */
  sla: TicketSla.nullable(),
  description: z.string(),
  descriptionHtml: z.string(),
  exampleRecord: z.string(),
  channel: TicketChannel,
  kind: TicketKind,
  /** Increases at every change; staff updates send it back (409 when stale). */
  version: z.number().int(),
  relatedTicketNumber: z.number().int().nullable(),
  /** Set once this ticket was merged into another, where the conversation continues. */
  mergedIntoNumber: z.number().int().nullable(),
  /** Related tickets, by number. */
  links: z.array(LinkedTicket),
  resolvedAt: Instant.nullable(),
  /** Until when a customer's reply reopens a resolved ticket; null when not resolved. */
  reopenUntil: Instant.nullable(),
  /** What the caller may do, computed by the server. */
  abilities: z.object({
    /** A public reply ("Resposta"). */
    reply: z.boolean(),
    addInternalNote: z.boolean(),
    /** Status, priority, classification, category, screen, assignee and tags (staff, not merged). */
    change: z.boolean(),
    /** The statuses the caller may move the ticket to now (empty unless `change`). */
    statusTargets: z.array(TicketStatus),
    merge: z.boolean(),
    link: z.boolean(),
    logCall: z.boolean(),
    logTime: z.boolean(),
    /** Draft, send and withdraw hours estimates (a consultancy ticket). */
    manageEstimates: z.boolean(),
  }),
  /** Every file the caller may see, the opening's and the replies' (each event lists its own too). */
  attachments: z.array(Attachment),
  events: z.array(TicketEvent),
  /** The support team member in charge ("Atendente"); customers see the name too. */
  assignee: z.object({ id: Id, name: z.string() }).nullable(),
  /** Staff labels, sorted; always empty for customers (tags are internal). */
  tags: z.array(z.string()),
});
export type Ticket = z.infer<typeof Ticket>;

export const AddMessageRequest = z
  .strictObject({
    /** Markdown. May be empty when files are attached. */
    body: z.string().trim().max(10_000).default(""),
    /** Staff only: an internal note, never shown to customers. */
    internal: z.boolean().default(false),
    attachmentIds: z.array(AttachmentId).max(MAX_ATTACHMENTS_PER_SUBMISSION).default([]),
  })
  .superRefine((message, ctx) => {
    if (message.body === "" && message.attachmentIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["body"], message: "validation.required" });
    }
  });
export type AddMessageRequest = z.infer<typeof AddMessageRequest>;

/** An "etiqueta": lower case, 1–30 letters, digits or hyphens ("nfe", "cliente-vip"). */
export const TicketTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(30)
  .regex(/^[a-z0-9-]+$/, { message: "validation.tag_format" });
export const MAX_TICKET_TAGS = 10;

export const UpdateTicketRequest = z.strictObject({
  /** The version the caller saw. */
  version: z.number().int().positive(),
  status: TicketStatus.optional(),
  priority: Priority.optional(),
  /** Consultancy stops the support SLA; back to support resumes it. */
  kind: TicketKind.optional(),
  categoryId: Id.optional(),
  /** Must exist in the screen catalog. */
  screenCode: ScreenCode.optional(),
  /** An active support team member; null unassigns. */
  assigneeId: Id.nullable().optional(),
  /** The whole new set (not a delta); duplicates collapse. */
  tags: z
    .array(TicketTag)
    .max(MAX_TICKET_TAGS)
    .transform((tags) => [...new Set(tags)])
    .optional(),
  /** Why the ticket was reclassified, in words for the customer (shown in the history); only with `kind`. */
  kindReason: z.string().trim().min(1).max(500).optional(),
});
export type UpdateTicketRequest = z.infer<typeof UpdateTicketRequest>;

/** One change made after the version a stale update carried (no text, no files): what the 409 lists. */
export const TicketChange = TicketEvent.omit({ id: true, bodyHtml: true, attachments: true });
export type TicketChange = z.infer<typeof TicketChange>;

/** 409 to a stale update (staff only): the ticket's current version and what changed since. */
export const StaleTicketResponse = z.object({
  error: ErrorResponse.shape.error.extend({
    version: z.number().int().optional(),
    /** Oldest first. */
    changes: z.array(TicketChange).optional(),
  }),
});
export type StaleTicketResponse = z.infer<typeof StaleTicketResponse>;

export const AttachmentIdParams = z.strictObject({ attachmentId: AttachmentId });

/** "Seguir esta ocorrência": a colleague of the requester gets the ticket's e-mails too. */
export const TicketFollowing = z.object({
  following: z.boolean(),
  /** The requester always gets them, and cannot stop following. */
  isRequester: z.boolean(),
});
export type TicketFollowing = z.infer<typeof TicketFollowing>;

export const SetTicketFollowingRequest = z.strictObject({ following: z.boolean() });
export type SetTicketFollowingRequest = z.infer<typeof SetTicketFollowingRequest>;
