// Query strings for list endpoints: `?q=…&limit=…`, leaving out what was not asked for.
export type SearchParams = Record<string, string | number | null | undefined>;

/** `?q=ATW&limit=5`, without empty values; "" when nothing is left. */
export function searchOf(params: SearchParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
