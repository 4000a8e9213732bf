// The calendar editor's text fields ("08:00–12:00, 13:00–18:00", one dd/mm/aaaa per line) to and from the contract.
type Range = [string, string];

export function rangesToText(ranges: readonly (readonly [string, string])[]): string {
  return ranges.map(([from, to]) => `${from}–${to}`).join(", ");
}

/** Unreadable pieces are sent as typed, so the API's field error points at them. */
export function textToRanges(text: string): Range[] {
  return text
    .split(/[,;]/)
    .map((piece) => piece.trim())
    .filter(Boolean)
    .map((piece) => {
      const [from = "", to = ""] = piece.split(/\s*[–—-]\s*/);
      return [from, to];
    });
}

export function datesToText(dates: readonly string[]): string {
  return dates.map((date) => date.split("-").reverse().join("/")).join("\n");
}

export function textToDates(text: string): string[] {
  return text
    .split(/\s*[\n,]\s*/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(textToDate);
}

/** "25/1/2026" → "2026-01-25"; anything else is sent as typed (trimmed). */
export function textToDate(text: string): string {
  const line = text.trim();
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(line);
  if (!match) return line;
  const [, day = "", month = "", year = ""] = match;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}
