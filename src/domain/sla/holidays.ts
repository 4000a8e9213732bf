// Public holidays of a Brazilian region, from date-holidays, with national ones forced into every region.
import Holidays from "date-holidays";
import type { HolidayRegion } from "./calendar";

export type HolidayScope = "national" | "state" | "city";

export interface Holiday {
  /** Local date, "YYYY-MM-DD". */
  date: string;
  /** pt-BR name from date-holidays, e.g. "Dia de Tiradentes". */
  name: string;
  scope: HolidayScope;
}

const COUNTRY = "BR";
const LANGUAGE = "pt";

/** date-holidays' pt names that a Brazilian would write otherwise: a holiday's name is a proper noun. */
const NAMES: ReadonlyMap<string, string> = new Map([
  ["Dia do trabalhador", "Dia do Trabalhador"],
  ["Dia do evangélico", "Dia do Evangélico"],
]);

// Building a date-holidays instance parses its rules: do it once per region.
const sources = new Map<string, Holidays>();

/**
 * The public holidays between two years (inclusive), one per date, sorted. Only type "public"
 * counts: date-holidays files Carnaval as "bank"/"optional" nationally (a "ponto facultativo"), so
 * it closes nothing unless a region makes it public (Rio de Janeiro's state law does, for the
 * Tuesday). National holidays are merged into every region because date-holidays' regional data
 * lags federal law (SP and RJ drop 20 November, national since 2024). Where several fall on one
 * date, the widest scope wins.
 */
export function holidaysBetween(region: HolidayRegion, fromYear: number, toYear: number): Holiday[] {
  const byDate = new Map<string, Holiday>();
  for (let year = fromYear; year <= toYear; year++) {
    addPublic(byDate, year, "national", source());
    if (region.state) addPublic(byDate, year, "state", source(region.state));
    if (region.state && region.city) addPublic(byDate, year, "city", source(region.state, region.city));
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Which field of the region date-holidays does not know, or null when it knows them all. */
export function unknownRegionField(region: HolidayRegion): "country" | "state" | "city" | null {
  // date-holidays silently falls back to the country for an unknown state or city: ask it first.
  if (region.country !== COUNTRY) return "country";
  const states = new Holidays().getStates(COUNTRY) ?? {};
  if (region.state !== undefined && !Object.hasOwn(states, region.state)) return "state";
  if (region.city === undefined) return null;
  if (region.state === undefined) return "city";
  const cities = new Holidays().getRegions(COUNTRY, region.state) ?? {};
  return Object.hasOwn(cities, region.city) ? null : "city";
}

function addPublic(byDate: Map<string, Holiday>, year: number, scope: HolidayScope, from: Holidays): void {
  for (const holiday of from.getHolidays(year, LANGUAGE)) {
    const date = holiday.date.slice(0, 10);
    if (holiday.type !== "public" || !date.startsWith(`${year}-`) || byDate.has(date)) continue;
    byDate.set(date, { date, name: NAMES.get(holiday.name) ?? holiday.name, scope });
  }
}

function source(state?: string, city?: string): Holidays {
  const key = [COUNTRY, state, city].join("/");
  let holidays = sources.get(key);
  if (!holidays) {
    const options = { languages: [LANGUAGE] };
    if (state === undefined) holidays = new Holidays(COUNTRY, options);
    else if (city === undefined) holidays = new Holidays(COUNTRY, state, options);
    else holidays = new Holidays(COUNTRY, state, city, options);
    sources.set(key, holidays);
  }
  return holidays;
}
