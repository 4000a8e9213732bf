// What counts as one "busca sem resposta": the query as customers mean it (no case, accents or
// stray punctuation), and when a second query only continues the typing of the first.

/** Misses shorter than this say nothing about a missing answer. */
export const MIN_UNANSWERED_LENGTH = 3;
const MAX_LENGTH = 200;
/** A query typed within this time after the last, that extends or shortens it, was still being typed. */
export const TYPING_WINDOW_MS = 60_000;

/** "  Não CONSIGO   imprimir!! " → "nao consigo imprimir"; hyphens stay ("nf-e"). */
export function normalizeSearchQuery(query: string): string {
  return query
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}-]+/gu, " ")
    .trim()
    .slice(0, MAX_LENGTH)
    .trim();
}

/**
 * How a new miss relates to the person's previous one: the same query again (not counted twice),
 * the same query still being typed (it replaces the previous), or a new search.
 */
export function relateMiss(
  previous: { query: string; at: number } | undefined,
  next: { query: string; at: number },
): "repeat" | "typing" | "new" {
  if (!previous || next.at - previous.at >= TYPING_WINDOW_MS || next.at < previous.at) return "new";
  if (previous.query === next.query) return "repeat";
  const extends_ = next.query.startsWith(previous.query) || previous.query.startsWith(next.query);
  return extends_ ? "typing" : "new";
}
