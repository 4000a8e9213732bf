// The queue's state in the address bar (?view=mine&priority=high&q=…): what "back" from a ticket and
// a shared link restore. Defaults stay out of the address; a bad value is dropped, the rest kept.
import { type QueueFilters, QueueFilters as QueueFiltersSchema } from "../../../contracts/queue";

export const DEFAULT_FILTERS: QueueFilters = QueueFiltersSchema.parse({});

/** The filter bar's own filters: everything but the view, the sort and the text. */
export const BAR_FILTERS = [
  "companyId",
  "categoryId",
  "screenCode",
  "priority",
  "kind",
  "channel",
  "assigneeId",
  "tag",
] as const satisfies readonly (keyof QueueFilters)[];
export type BarFilter = (typeof BAR_FILTERS)[number];

const NAMES = Object.keys(QueueFiltersSchema.shape) as (keyof QueueFilters)[];

export function filtersFromSearch(params: URLSearchParams): QueueFilters {
  const filters: Record<string, unknown> = {};
  for (const name of NAMES) {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") continue;
    const parsed = QueueFiltersSchema.shape[name].safeParse(raw);
    if (parsed.success && parsed.data !== undefined && parsed.data !== "") filters[name] = parsed.data;
  }
  return QueueFiltersSchema.parse(filters);
}

/** The address's parameters for these filters, in a stable order, defaults and blanks left out. */
export function searchFromFilters(filters: Partial<QueueFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of NAMES) {
    const value = filters[name];
    if (value === undefined || value === "" || value === DEFAULT_FILTERS[name]) continue;
    params.set(name, String(value));
  }
  return params;
}

/** The filters with one of them set, or cleared when `value` is null or blank. */
export function withFilter<K extends keyof QueueFilters>(
  filters: QueueFilters,
  name: K,
  value: QueueFilters[K] | null,
): QueueFilters {
  const next: QueueFilters = { ...filters };
  if (value === null || value === undefined || value === "") {
    if (name === "view" || name === "sort") next[name] = DEFAULT_FILTERS[name] as QueueFilters[K];
    else delete next[name];
  } else next[name] = value;
  return next;
}

/** How many of the bar's filters are set (the "Limpar filtros" button shows when any is). */
export const activeBarFilters = (filters: QueueFilters): number =>
  BAR_FILTERS.filter((name) => filters[name] !== undefined).length;

/** The same filters without the bar's ones (view, sort and text kept). */
export function withoutBarFilters(filters: QueueFilters): QueueFilters {
  const next: QueueFilters = { ...filters };
  for (const name of BAR_FILTERS) delete next[name];
  return next;
}

/** Whether two sets of filters ask the same question (a saved view is "current" when they do). */
export const sameFilters = (a: QueueFilters, b: QueueFilters): boolean =>
  searchFromFilters(a).toString() === searchFromFilters(b).toString();
