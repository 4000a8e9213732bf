// CSV the way Brazilian spreadsheets open it: ";" between cells (the comma is the decimal mark),
// CRLF line ends, UTF-8 with a byte-order mark (without it Excel reads the accents as Latin-1).
// No CSV writer is among our dependencies, so quoting lives in this one small function.

export const CSV_BOM = "\uFEFF";

/**
 * One cell: quoted when it holds a separator, a quote or a line break (quotes doubled). Text that
 * a spreadsheet would run as a formula (=, +, -, @, tab or CR first) gets a leading apostrophe, so
 * a ticket subject like "=HYPERLINK(…)" stays text (OWASP's CSV injection advice).
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** One line, its end included: what a streamed file writes row by row (after `CSV_BOM`). */
export function csvLine(row: readonly string[]): string {
  return `${row.map(csvCell).join(";")}\r\n`;
}

/** The whole file: BOM, one line per row, every row padded to the widest. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const lines = rows.map((row) => csvLine([...row, ...Array<string>(width - row.length).fill("")]));
  return `${CSV_BOM}${lines.join("")}`;
}
