// Instants are epoch milliseconds in the database and ISO 8601 (UTC) in contracts.
export const toIso = (epochMs: number): string => new Date(epochMs).toISOString();
export const toIsoOrNull = (epochMs: number | null): string | null =>
  epochMs === null ? null : toIso(epochMs);
