// Full-text matching, the one place where the dialects differ: FTS5 on SQLite, a GIN-indexed
// tsvector on PostgreSQL. Both match the same pre-analyzed terms (src/domain/search), so results
// agree; the caller puts the match inside its own scoped query (the tenant filter is never after it).
import { type Expression, type SqlBool, sql } from "kysely";
import type { QueryTerm } from "../../domain/search/portuguese";
import type { Dialect } from "./dialect";

/** Terms are [a-z0-9]+ by construction; anything else is dropped rather than escaped. */
const clean = (term: string) => term.replace(/[^a-z0-9]/g, "");

function ftsQuery(terms: QueryTerm[]): string {
  return terms
    .map(({ term, prefix }) => {
      const exact = `"${clean(term)}"`;
      return prefix ? `(${exact} OR "${clean(prefix)}"*)` : exact;
    })
    .join(" AND ");
}

function tsQuery(terms: QueryTerm[]): string {
  return terms
    .map(({ term, prefix }) => (prefix ? `(${clean(term)} | ${clean(prefix)}:*)` : clean(term)))
    .join(" & ");
}

/**
 * The index term naming a ticket's company ("co" + the id's hex digits): part of every ticket's
 * terms, so that a company's search is an intersection inside the full-text index.
 */
export const companyTerm = (companyId: string): string =>
  `co${companyId.toLowerCase().replace(/[^0-9a-f]/g, "")}`;

/** True when the query has something to search for. */
export const hasTerms = (terms: QueryTerm[]) => terms.some((t) => clean(t.term) !== "");

/** The full-text query text for the dialect: what `ticketMatchesText` takes as its parameter. */
export function matchText(dialect: Dialect, terms: QueryTerm[]): string {
  return dialect === "postgres" ? tsQuery(terms) : ftsQuery(terms);
}

/** `ticket` rows whose terms match `text` (from `matchText`), which reaches the SQL as a parameter. */
export function ticketMatchesText(dialect: Dialect, text: string): Expression<SqlBool> {
  if (dialect === "postgres") {
    return sql<SqlBool>`to_tsvector('simple', ticket.search_terms) @@ to_tsquery('simple', ${text})`;
  }
  return sql<SqlBool>`ticket.number in (select rowid from ticket_fts where ticket_fts match ${text})`;
}

/** `article` rows whose terms match. */
export function articleMatches(dialect: Dialect, terms: QueryTerm[]): Expression<SqlBool> {
  if (dialect === "postgres") {
    return sql<SqlBool>`to_tsvector('simple', article.search_terms) @@ to_tsquery('simple', ${tsQuery(terms)})`;
  }
  return sql<SqlBool>`article.rowid in (select rowid from article_fts where article_fts match ${ftsQuery(terms)})`;
}
