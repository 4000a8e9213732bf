// The JSON columns, each with its one codec: `decode` checks the stored text against the column's
// schema (a corrupt value is an internal error naming the table and column, never a half-typed value),
// `encode` writes it. Repositories use them, so the rest of the server only ever sees typed values.
import { z } from "zod";
import { QueueFilters } from "../../contracts/queue";
import {
  CustomHoliday,
  HolidayRegion,
  IsoDate,
  PlanServices,
  Targets,
  WeeklyHours,
} from "../../contracts/sla";
import { ApiScope } from "../../contracts/tokens";
import { WebhookEvent } from "../../contracts/webhooks";
import type { Pause } from "../../domain/sla/clock";
import type { SlaPolicy } from "../modules/sla/policy";
import type { Database } from "./schema";

declare const jsonOf: unique symbol;
/**
 * Text holding the JSON of a `T`. Only a codec's `encode` makes one, and only its `decode` reads one,
 * so no query writes unchecked text into a JSON column and no caller parses one by hand.
 */
export type Json<T> = string & { readonly [jsonOf]: T };

/** A row with its JSON columns decoded: `Json<T>` becomes `T` (and `Json<T> | null`, `T | null`). */
export type Decoded<Row> = { [K in keyof Row]: DecodedValue<Row[K]> };
type DecodedValue<V> = V extends Json<infer T> ? T : V;

/** Thrown on stored JSON that does not parse or does not match its column's schema: a 500, logged. */
export class CorruptJsonError extends Error {
  override name = "CorruptJsonError";
}

type JsonValueOf<V> = V extends Json<infer T> ? T : never;

export class JsonColumn<T> {
  constructor(
    readonly table: string,
    readonly column: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  decode(text: Json<T>): T;
  decode(text: Json<T> | null): T | null;
  decode(text: Json<T> | null): T | null {
    if (text === null) return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new CorruptJsonError(`${this.table}.${this.column} holds text that is not JSON`, {
        cause: error,
      });
    }
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) {
      throw new CorruptJsonError(
        `${this.table}.${this.column} holds JSON of the wrong shape: ${z.prettifyError(parsed.error)}`,
        { cause: parsed.error },
      );
    }
    return parsed.data;
  }

  encode(value: T): Json<T>;
  encode(value: T | null): Json<T> | null;
  encode(value: T | null): Json<T> | null {
    // The brand is only ever put on text made here.
    return value === null ? null : (JSON.stringify(value) as Json<T>);
  }
}

/** A codec for `table.column`, whose schema must produce exactly what `schema.ts` says it stores. */
function column<Tb extends keyof Database, C extends keyof Database[Tb] & string>(
  table: Tb,
  name: C,
  schema: z.ZodType<JsonValueOf<Database[Tb][C]>>,
): JsonColumn<JsonValueOf<Database[Tb][C]>> {
  return new JsonColumn(table, name, schema);
}

/** A business calendar as an SLA policy snapshot holds it (`BusinessCalendar`, empty decisions left out). */
const SnapshotCalendar = z.object({
  timeZone: z.string(),
  weeklyHours: WeeklyHours,
  holidays: HolidayRegion.nullable(),
  closedDates: z.array(z.string()),
  openDates: z.array(z.string()),
  customHolidays: z.array(CustomHoliday).optional(),
  removedHolidays: z.array(z.string()).optional(),
});

// Keys in the order `policyForCompany` writes them: the decoded value stringifies as it was stored.
const SlaPolicySnapshot = z.object({
  planId: z.string(),
  planName: z.string(),
  calendarName: z.string(),
  calendar: SnapshotCalendar,
  targets: Targets,
  warningShare: z.number().min(0).max(1),
}) satisfies z.ZodType<SlaPolicy>;

const PauseSchema = z.object({
  from: z.number().int(),
  to: z.number().int().nullable(),
}) satisfies z.ZodType<Pause>;

/**
 * Saved filters are read through the queue's current contract. Filters saved under an older
 * contract that no longer validate fall back to the plain open queue rather than fail the list (the
 * saved view stays and can be saved again); text that is not JSON at all is still corrupt.
 */
const SavedFilters = z.unknown().transform((value) => {
  const parsed = QueueFilters.safeParse(value);
  return parsed.success ? parsed.data : QueueFilters.parse({});
});

export const json = {
  calendarWeeklyHours: column("business_calendar", "weekly_hours", WeeklyHours),
  calendarHolidays: column("business_calendar", "holidays", HolidayRegion),
  calendarClosedDates: column("business_calendar", "closed_dates", z.array(IsoDate)),
  calendarOpenDates: column("business_calendar", "open_dates", z.array(IsoDate)),
  calendarCustomHolidays: column("business_calendar", "custom_holidays", z.array(CustomHoliday)),
  calendarRemovedHolidays: column("business_calendar", "removed_holidays", z.array(IsoDate)),
  planServices: column("plan", "services", PlanServices),
  planTargets: column("plan", "targets", Targets),
  slaPolicy: column("sla_policy", "policy", SlaPolicySnapshot),
  slaClockPauses: column("sla_clock", "pauses", z.array(PauseSchema)),
  savedViewFilters: column("saved_view", "filters", SavedFilters),
  /** What the audited command was given; any JSON object. */
  auditDetails: column("audit_log", "details", z.record(z.string(), z.unknown())),
  /** Further headers of an outbox e-mail (References, List-Unsubscribe…). */
  outboxHeaders: column("outbox_message", "headers", z.record(z.string(), z.string())),
  /** An API token's scopes. */
  apiTokenScopes: column("api_token", "scopes", z.array(ApiScope)),
  webhookEvents: column("webhook_endpoint", "events", z.array(WebhookEvent)),
};
