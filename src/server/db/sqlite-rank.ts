// `ticket_rank(terms, match)`: the SQLite function that scores a ticket_fts row for the list's
// search (src/domain/search/rank.ts), registered on every SQLite connection the app opens. It reads
// the query's words back out of the FTS5 text that `matchText` wrote (search.ts), so the query keeps
// one parameter: `"coX" AND (w1 OR ("w2" OR "p2"*) …)` → [w1], [w2 | p2*], the company term left out.
import type SQLite from "better-sqlite3";
import { type RankOperand, rankTerms } from "../../domain/search/rank";

export const TICKET_RANK_FUNCTION = "ticket_rank";

const COMPANY_PREFIX = /^"co[0-9a-f]+" AND \((.*)\)$/;
const QUOTED = /"([a-z0-9]+)"(\*?)/g;

/** The words of a match text in "any" mode, each with its alternatives. */
export function operandsOfMatch(text: string): RankOperand[] {
  const inner = COMPANY_PREFIX.exec(text)?.[1] ?? text;
  const operands: RankOperand[] = [];
  let depth = 0;
  let start = 0;
  const flush = (end: number) => {
    const terms: string[] = [];
    const prefixes: string[] = [];
    for (const [, word = "", star] of inner.slice(start, end).matchAll(QUOTED)) {
      (star ? prefixes : terms).push(word);
    }
    if (terms.length + prefixes.length > 0) operands.push({ terms, prefixes });
  };
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && inner.startsWith(" OR ", i)) {
      flush(i);
      start = i + 4;
    }
  }
  flush(inner.length);
  return operands;
}

/** Parsed match texts, a search's worth at a time: every row of a query asks with the same text. */
const MAX_CACHED = 64;

export function registerTicketRank(sqlite: SQLite.Database): void {
  const cache = new Map<string, RankOperand[]>();
  sqlite.function(TICKET_RANK_FUNCTION, { deterministic: true }, (terms: unknown, match: unknown) => {
    const text = String(match);
    let operands = cache.get(text);
    if (!operands) {
      if (cache.size >= MAX_CACHED) cache.clear();
      operands = operandsOfMatch(text);
      cache.set(text, operands);
    }
    return rankTerms(String(terms ?? ""), operands);
  });
}
