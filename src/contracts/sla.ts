// Support plans and business calendars: the SLA each company's tickets are measured against.
import { z } from "zod";
import { Id, Instant } from "./common";
import { BrazilianState } from "./companies";
import { Priority, SlaMetric, TicketStatus } from "./tickets";

/** "HH:MM", local wall-clock time; an interval may end at "24:00". */
export const TimeOfDay = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: "validation.time" });
export const TimeRange = z.tuple([TimeOfDay, TimeOfDay]);
export const IsoDate = z.iso.date({ message: "validation.date" });

const DayHours = z.array(TimeRange).max(6);
export const WeeklyHours = z.strictObject({
  mon: DayHours,
  tue: DayHours,
  wed: DayHours,
  thu: DayHours,
  fri: DayHours,
  sat: DayHours,
  sun: DayHours,
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

export const HolidayRegion = z.strictObject({
  country: z.literal("BR"),
  /** Adds the state's public holidays. */
  state: BrazilianState.optional(),
  /** date-holidays' region code inside the state (e.g. "SP" for the city of São Paulo). */
  city: z.string().trim().min(1).max(40).optional(),
});
export type HolidayRegion = z.infer<typeof HolidayRegion>;

/** A holiday an admin adds to a calendar, e.g. a municipal one: 2026-01-25 "Aniversário de São Paulo". */
export const CustomHoliday = z.strictObject({
  date: IsoDate,
  name: z.string().trim().min(1).max(80),
});
export type CustomHoliday = z.infer<typeof CustomHoliday>;

export const CalendarRequest = z.strictObject({
  name: z.string().trim().min(2).max(120),
  /** IANA zone, e.g. America/Sao_Paulo. */
  timeZone: z.string().trim().min(1).max(64).default("America/Sao_Paulo"),
  weeklyHours: WeeklyHours,
  /** null: no public holidays at all. */
  holidays: HolidayRegion.nullable(),
  /** Extra closed days (e.g. 24/12). */
  closedDates: z.array(IsoDate).max(400).default([]),
  /** Extra open days, even on a weekend or holiday. */
  openDates: z.array(IsoDate).max(400).default([]),
  /** The admin's own holidays. Absent: none on creation, kept as they are on replacement. */
  customHolidays: z.array(CustomHoliday).max(400).optional(),
  /**
   * Generated holidays the company does not observe ("YYYY-MM-DD"). Absent: none on creation, kept
   * as they are on replacement. A newly listed date must be one of the region's holidays.
   */
  removedHolidays: z.array(IsoDate).max(400).optional(),
});
export type CalendarRequest = z.infer<typeof CalendarRequest>;

/** national, state and city ones come from the region (date-holidays); custom ones from the admin. */
export const HolidayScope = z.enum(["national", "state", "city", "custom"]);

export const HolidayView = z.object({
  date: z.string(),
  name: z.string(),
  scope: HolidayScope,
});

export const Calendar = z.object({
  id: Id,
  name: z.string(),
  timeZone: z.string(),
  weeklyHours: WeeklyHours,
  holidays: HolidayRegion.nullable(),
  closedDates: z.array(z.string()),
  openDates: z.array(z.string()),
  customHolidays: z.array(z.object({ date: z.string(), name: z.string() })),
  removedHolidays: z.array(z.string()),
  /** The holidays of the next twelve months: generated from the region, minus removed, plus custom. */
  upcomingHolidays: z.array(HolidayView),
  /** Null: offered for plans; an archived calendar stays under the plans that count in it. */
  archivedAt: Instant.nullable(),
  updatedAt: Instant,
});
export type Calendar = z.infer<typeof Calendar>;
export const CalendarList = z.object({ items: z.array(Calendar) });
export const CalendarIdParams = z.strictObject({ calendarId: Id });

export const CalendarHolidaysQuery = z.strictObject({
  /** Defaults to the current year in the calendar's zone. */
  year: z.coerce.number().int().min(1900).max(2199).optional(),
});
/** `date`: the holiday's local date, "YYYY-MM-DD". */
export const CalendarHolidayParams = z.strictObject({ calendarId: Id, date: IsoDate });

/** One year of a calendar's holidays, as the admin manages them. */
export const CalendarHolidays = z.object({
  calendarId: Id,
  year: z.number().int(),
  /** The holidays that close the calendar that year, by date. */
  items: z.array(HolidayView),
  /** The region's holidays the admin removed that year; each can be restored. */
  removed: z.array(HolidayView),
});
export type CalendarHolidays = z.infer<typeof CalendarHolidays>;

const MAX_TARGET_MINUTES = 60 * 24 * 365;
export const Target = z.strictObject({
  firstResponseMinutes: z.number().int().min(0).max(MAX_TARGET_MINUTES),
  /** After each customer message, the next public staff reply is due within this. */
  nextResponseMinutes: z.number().int().min(0).max(MAX_TARGET_MINUTES),
  resolutionMinutes: z.number().int().min(0).max(MAX_TARGET_MINUTES),
  /** true: counted in the calendar's business hours; false: around the clock (24x7). */
  businessHours: z.boolean(),
});
export type Target = z.infer<typeof Target>;

export const Targets = z.strictObject({ low: Target, normal: Target, high: Target, urgent: Target });
export type Targets = z.infer<typeof Targets>;

export const PlanServices = z.strictObject({
  portal: z.boolean(),
  phone: z.boolean(),
  email: z.boolean(),
  remoteConsultancy: z.boolean(),
  onSiteConsultancy: z.boolean(),
  /** Consultancy hours included each month; beyond them consultancy is billed. */
  consultancyHoursPerMonth: z.number().min(0).max(744),
});
export type PlanServices = z.infer<typeof PlanServices>;

export const PlanRequest = z.strictObject({
  name: z.string().trim().min(2).max(80),
  description: z.string().trim().max(2000).default(""),
  calendarId: Id,
  services: PlanServices,
  targets: Targets,
});
export type PlanRequest = z.infer<typeof PlanRequest>;

export const Plan = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  calendarId: Id,
  calendarName: z.string(),
  /** The business hours and next holidays the plan's deadlines count in. */
  calendar: Calendar,
  services: PlanServices,
  targets: Targets,
  /** Null: offered to companies; archived plans stay on the tickets and history that name them. */
  archivedAt: Instant.nullable(),
  updatedAt: Instant,
});
export type Plan = z.infer<typeof Plan>;
export const PlanList = z.object({ items: z.array(Plan) });
export const PlanIdParams = z.strictObject({ planId: Id });

/**
 * Years an instant the deadline engine computes from may fall in when a person types it: the
 * engine covers 1900–2199 and looks up to ten years past a start, so this keeps well inside it.
 */
export const SLA_INPUT_YEARS = { first: 2000, last: 2099 } as const;

function inSlaInputYears(iso: string): boolean {
  const year = new Date(iso).getUTCFullYear();
  return year >= SLA_INPUT_YEARS.first && year <= SLA_INPUT_YEARS.last;
}

/** ISO 8601 with an offset or Z, within SLA_INPUT_YEARS. */
export const SlaInputInstant = z.iso
  .datetime({ offset: true })
  .refine(inSlaInputYears, { message: "validation.instant_range", params: SLA_INPUT_YEARS });

/**
 * How far after the opening a simulated pause may reach: the engine's work and the explanation's
 * length grow with the span it covers (a pause of decades took a minute and 15 MB to explain).
 */
export const MAX_SIMULATED_PAUSE_DAYS = 90;

export const SimulateRequest = z
  .strictObject({
    planId: Id,
    priority: Priority,
    openedAt: SlaInputInstant,
    /** Spans the clock stood still ("aguardando cliente"), between the opening and 90 days after it. */
    pauses: z
      .array(z.strictObject({ from: SlaInputInstant, to: SlaInputInstant }))
      .max(50)
      .default([]),
  })
  .superRefine((request, ctx) => {
    const opened = Date.parse(request.openedAt);
    if (Number.isNaN(opened)) return;
    const latest = opened + MAX_SIMULATED_PAUSE_DAYS * 86_400_000;
    for (const [index, pause] of request.pauses.entries()) {
      for (const end of ["from", "to"] as const) {
        const instant = Date.parse(pause[end]);
        if (Number.isNaN(instant) || (instant >= opened && instant <= latest)) continue;
        ctx.addIssue({
          code: "custom",
          path: ["pauses", index, end],
          message: "validation.pause_window",
          params: { days: MAX_SIMULATED_PAUSE_DAYS },
        });
      }
    }
  });
export type SimulateRequest = z.infer<typeof SimulateRequest>;

export const DeadlineSegment = z.object({
  kind: z.enum(["counted", "paused", "night", "break", "weekend", "holiday", "closed_date"]),
  from: z.string(),
  to: z.string(),
  minutes: z.number(),
  holidayName: z.string().nullable(),
});

export const DeadlineExplanation = z.object({
  /** ISO 8601 in the calendar's zone, with its offset. */
  dueAt: z.string().nullable(),
  targetMinutes: z.number(),
  businessHours: z.boolean(),
  segments: z.array(DeadlineSegment),
  /** The same in plain words, in the reader's language, one line each: "22/04/2026 08:00–12:00: 4 h contadas". */
  lines: z.array(z.string()),
});

export const SimulateResponse = z.object({
  firstResponseDueAt: z.string().nullable(),
  resolutionDueAt: z.string().nullable(),
  explanation: z.object({ firstResponse: DeadlineExplanation, resolution: DeadlineExplanation }),
});
export type SimulateResponse = z.infer<typeof SimulateResponse>;

export const ComplianceQuery = z.strictObject({
  /** "2026-04": tickets opened in that month (São Paulo time). */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "validation.month" }),
});

const Outcome = z.object({
  met: z.number().int(),
  breached: z.number().int(),
  /** Still running, paused or stopped: not counted in the share. */
  pending: z.number().int(),
  /** met / (met + breached); null when nothing was decided yet. */
  shareMet: z.number().nullable(),
});

export const ComplianceReport = z.object({
  month: z.string(),
  companies: z.array(
    z.object({
      companyId: Id,
      companyName: z.string(),
      tickets: z.number().int(),
      firstResponse: Outcome,
      resolution: Outcome,
    }),
  ),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

export const AtRiskQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** Only deadlines due before this instant (default: all running ones, soonest first). */
  dueBefore: z.iso.datetime().optional(),
});

export const AtRiskPage = z.object({
  items: z.array(
    z.object({
      ticketNumber: z.number().int(),
      subject: z.string(),
      companyName: z.string(),
      priority: Priority,
      status: TicketStatus,
      metric: SlaMetric,
      dueAt: Instant,
      breached: z.boolean(),
    }),
  ),
});

/** 409 to archiving a plan or calendar in use: who uses it, by name (companies; plans). */
export const ArchiveRefused = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    usedBy: z.array(z.string()).optional(),
  }),
});
