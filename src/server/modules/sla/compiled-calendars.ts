// Compiled business calendars, shared: compiling builds a year of intervals (tens of ms), so a plan's
// calendar and every ticket snapshot of it (same content) are compiled once per process.
import { type BusinessTime, compileCalendar } from "../../../domain/sla/business-time";
import type { BusinessCalendar } from "../../../domain/sla/calendar";

const compiled = new Map<string, BusinessTime>();
/** The same calendar object (a cached policy's) skips writing its key again. */
const byObject = new WeakMap<BusinessCalendar, BusinessTime>();

export function compiledCalendar(calendar: BusinessCalendar): BusinessTime {
  const known = byObject.get(calendar);
  if (known) return known;
  const key = JSON.stringify(calendar);
  let businessTime = compiled.get(key);
  if (!businessTime) {
    businessTime = compileCalendar(calendar);
    if (compiled.size > 200) compiled.clear();
    compiled.set(key, businessTime);
  }
  byObject.set(calendar, businessTime);
  return businessTime;
}
