// Billing ("apontamento de horas", "orçamento de horas", "extrato mensal"): time entries, consultancy
// estimates and the monthly statement. Durations travel as whole minutes; the web shows hours.
import { z } from "zod";
import { Id, Instant } from "./common";
import { IsoDate } from "./sla";
import { Person } from "./tickets";

/** "2026-04": a statement month, in São Paulo time. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "validation.month" });

// ── Time entries ("apontamento de horas"): staff only, never shown to customers.

export const CreateTimeEntryRequest = z.strictObject({
  /** Minutes worked, up to a whole day. */
  minutes: z.number().int().min(1).max(1440),
  /** What was done. */
  note: z.string().trim().min(1).max(500),
  /** Counts as billable consultancy time in the statement. */
  billable: z.boolean(),
  /** The day the work was done (YYYY-MM-DD, São Paulo); default today; never in the future. */
  workDate: IsoDate.optional(),
});
export type CreateTimeEntryRequest = z.infer<typeof CreateTimeEntryRequest>;

export const TimeEntry = z.object({
  id: Id,
  ticketNumber: z.number().int(),
  user: Person,
  minutes: z.number().int(),
  note: z.string(),
  billable: z.boolean(),
  workDate: z.string(),
  createdAt: Instant,
  /** Whether the caller may delete it: its author, or a supervisor or admin. */
  canDelete: z.boolean(),
});
export type TimeEntry = z.infer<typeof TimeEntry>;

export const TimeTotals = z.object({
  minutes: z.number().int(),
  billableMinutes: z.number().int(),
  nonBillableMinutes: z.number().int(),
});
export type TimeTotals = z.infer<typeof TimeTotals>;

/** A ticket's time entries, newest day first, with their totals. */
export const TicketTimeEntries = z.object({ items: z.array(TimeEntry), totals: TimeTotals });
export type TicketTimeEntries = z.infer<typeof TicketTimeEntries>;

export const TimeEntryParams = z.strictObject({
  number: z.coerce.number().int().positive().max(2_000_000_000),
  entryId: Id,
});

export const AgentTimeEntryQuery = z.strictObject({
  /** Whose time: agents may ask only for their own (the default); supervisors and admins for anyone, or everyone when absent. */
  userId: Id.optional(),
  /** Work dates from and to (inclusive, YYYY-MM-DD). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AgentTimeEntryQuery = z.infer<typeof AgentTimeEntryQuery>;

export const AgentTimeEntry = TimeEntry.extend({
  ticketSubject: z.string(),
  companyName: z.string(),
});

/** A page of the agent's (or everyone's) time, newest day first; totals cover the whole range. */
export const AgentTimeEntryPage = z.object({
  items: z.array(AgentTimeEntry),
  nextCursor: z.string().nullable(),
  totals: TimeTotals,
});
export type AgentTimeEntryPage = z.infer<typeof AgentTimeEntryPage>;

// ── Consultancy estimates ("orçamento de horas"): drafted and sent by staff, decided by the customer.

/** rascunho · aguardando aprovação · aprovado · recusado · retirado */
export const EstimateStatus = z.enum(["draft", "sent", "approved", "declined", "withdrawn"]);
export type EstimateStatus = z.infer<typeof EstimateStatus>;

export const CreateEstimateRequest = z.strictObject({
  /** The hours proposed, in minutes (the console asks in hours: 1,5 h = 90). Up to 744 h, a month. */
  minutes: z.number().int().min(1).max(44_640),
  /** What the analysis covers, as the customer will read it. */
  description: z.string().trim().min(1).max(2000),
});
export type CreateEstimateRequest = z.infer<typeof CreateEstimateRequest>;

export const DecideEstimateRequest = z.strictObject({
  /** The customer's words, shown in the history with the decision. */
  note: z.string().trim().max(500).optional(),
});
export type DecideEstimateRequest = z.infer<typeof DecideEstimateRequest>;

export const EstimateParams = z.strictObject({
  number: z.coerce.number().int().positive().max(2_000_000_000),
  estimateId: Id,
});

export const Estimate = z.object({
  id: Id,
  ticketNumber: z.number().int(),
  minutes: z.number().int(),
  description: z.string(),
  status: EstimateStatus,
  createdBy: Person,
  createdAt: Instant,
  /** When it went to the customer; null for a draft. */
  sentAt: Instant.nullable(),
  decidedAt: Instant.nullable(),
  decidedBy: Person.nullable(),
  /** The statement month an approval counts in ("2026-04", São Paulo). */
  decidedMonth: z.string().nullable(),
});
export type Estimate = z.infer<typeof Estimate>;

/** Newest first. Customers receive only sent, approved and declined ones. */
export const EstimateList = z.object({
  items: z.array(Estimate),
  abilities: z.object({
    /** Staff: draft, send and withdraw. */
    manage: z.boolean(),
    /** The company's admin: approve or decline a sent estimate. */
    decide: z.boolean(),
  }),
});
export type EstimateList = z.infer<typeof EstimateList>;

// ── The monthly statement ("extrato mensal"): supervisors and admins.

export const StatementQuery = z.strictObject({ month: Month });

export const CompanyStatementQuery = z.strictObject({
  month: Month,
  /** `csv` on the JSON address downloads the same file as the `.csv` address. */
  format: z.enum(["json", "csv"]).default("json"),
});

export const CompanyStatementParams = z.strictObject({ companyId: Id });

export const StatementFigures = z.object({
  /** The plan's included consultancy this month (the company's current plan). */
  includedMinutes: z.number().int(),
  /** Estimates approved in the month. */
  approvedMinutes: z.number().int(),
  /** The part of the approved minutes the plan covers: min(approved, included). */
  usedIncludedMinutes: z.number().int(),
  /** max(0, approved − included). */
  billableMinutes: z.number().int(),
  /** Time logged on the company's tickets with a work date in the month. */
  loggedMinutes: z.number().int(),
  /** Of which flagged billable. */
  loggedBillableMinutes: z.number().int(),
});
export type StatementFigures = z.infer<typeof StatementFigures>;

export const StatementCompany = z.object({
  id: Id,
  name: z.string(),
  /** 14 digits. */
  cnpj: z.string(),
  planName: z.string().nullable(),
});

export const StatementRow = StatementFigures.extend({ company: StatementCompany });
export type StatementRow = z.infer<typeof StatementRow>;

/** Every active company, and any other with consultancy or time in the month, by name. */
export const StatementReport = z.object({
  month: z.string(),
  companies: z.array(StatementRow),
  totals: StatementFigures,
});
export type StatementReport = z.infer<typeof StatementReport>;

export const CompanyStatement = z.object({
  month: z.string(),
  company: StatementCompany,
  figures: StatementFigures,
  /** The estimates approved in the month, in the order they were approved. */
  estimates: z.array(
    z.object({
      estimateId: Id,
      ticketNumber: z.number().int(),
      ticketSubject: z.string(),
      description: z.string(),
      minutes: z.number().int(),
      approvedAt: Instant,
      approvedBy: z.string().nullable(),
    }),
  ),
  /** Time logged in the month, per ticket. */
  time: z.array(
    z.object({
      ticketNumber: z.number().int(),
      ticketSubject: z.string(),
      minutes: z.number().int(),
      billableMinutes: z.number().int(),
    }),
  ),
});
export type CompanyStatement = z.infer<typeof CompanyStatement>;

// ── "Consumo do plano": one company's month as its admin reads it (the portal). Staff time entries
// are internal, so only the plan's figures and the approved estimates appear.

export const PlanConsumptionParams = z.strictObject({ companyId: Id });

export const PlanConsumption = z.object({
  month: z.string(),
  company: StatementCompany,
  figures: StatementFigures.pick({
    includedMinutes: true,
    approvedMinutes: true,
    usedIncludedMinutes: true,
    billableMinutes: true,
  }).extend({
    /** Included minutes not yet used this month: included − used (never negative). */
    remainingMinutes: z.number().int(),
  }),
  estimates: CompanyStatement.shape.estimates,
});
export type PlanConsumption = z.infer<typeof PlanConsumption>;
