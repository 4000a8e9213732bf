// The error SLA arithmetic throws on input it refuses, with a stable code for the error handler.
import type { CalendarProblem } from "./calendar";

export type SlaErrorCode =
  | "sla.invalid_calendar"
  | "sla.invalid_instant"
  | "sla.negative_target"
  | "sla.invalid_pause"
  | "sla.invalid_warning_share"
  | "sla.beyond_horizon";

export class SlaError extends Error {
  override name = "SlaError";
  constructor(
    /** Stable code, also the i18n key the server renders. */
    readonly code: SlaErrorCode,
    message: string,
    /** Set for `sla.invalid_calendar`: every problem validation found. */
    readonly problems: readonly CalendarProblem[] = [],
  ) {
    super(`${code}: ${message}`);
  }
}
