// Turns the simulator's São Paulo wall-clock inputs ("2026-04-20T16:00") into the API's instants with offset.
import { DateTime } from "luxon";
import { DISPLAY_TIME_ZONE } from "../../../i18n/format-date";

/** null when the input is empty or not a real moment. */
export function wallClockToInstant(value: string): string | null {
  if (!value) return null;
  const moment = DateTime.fromISO(value, { zone: DISPLAY_TIME_ZONE });
  return moment.isValid ? moment.toISO({ suppressMilliseconds: true }) : null;
}
