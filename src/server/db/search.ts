// Full-text matching and ranking, the one place where the dialects differ: FTS5 on SQLite (tickets
// ranked by `ticket_rank`, articles by BM25), the stored, GIN-indexed `search_vector` ranked by ts_rank
// on PostgreSQL. Both match the same pre-analyzed
// terms (src/domain/search), so results agree; the caller puts the match inside its own scoped
// query (the tenant filter is never after it).
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import type { QueryTerm } from "../../domain/search/portuguese";
import type { Dialect } from "./dialect";
import { rowLimit } from "./row-limit";
import { TICKET_RANK_FUNCTION } from "./sqlite-rank";

/** Terms are [a-z0-9]+ by construction; anything else is dropped rather than escaped. */
const clean = (term: string) => term.replace(/[^a-z0-9]/g, "");

/**
 * How the terms of a query combine:
 * - `any`: a row with any of them matches, and ranking puts rows with more and rarer ones first —
 *   a question typed as a sentence finds its best answers, not only rows with every word;
 * - `most`: a row must have at least half of them (all of one or two) — for lists that keep their
 *   own order (the console's queue), where a row with one common word of a sentence is noise.
 */
export type MatchMode = "any" | "most";

/** A sentence's first words are enough to decide `most`, and keep its combinations few. */
const MOST_TERMS = 8;

interface Syntax {
  exact(term: string): string;
  prefix(prefix: string): string;
  and: string;
  or: string;
}

const FTS5: Syntax = {
  exact: (term) => `"${term}"`,
  prefix: (prefix) => `"${prefix}"*`,
  and: " AND ",
  or: " OR ",
};

const TSQUERY: Syntax = {
  exact: (term) => term,
  prefix: (prefix) => `${prefix}:*`,
  and: " & ",
  or: " | ",
};

function operand(syntax: Syntax, { term, prefix }: QueryTerm): string {
  const exact = syntax.exact(clean(term));
  return prefix && clean(prefix) !== "" ? `(${exact}${syntax.or}${syntax.prefix(clean(prefix))})` : exact;
}

/** Every way to choose `k` of the items, in order. */
function combinations<T>(items: T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items as [T, ...T[]];
  return [...combinations(rest, k - 1).map((c) => [first, ...c]), ...combinations(rest, k)];
}

function expression(syntax: Syntax, terms: QueryTerm[], mode: MatchMode): string {
  const operands = terms.filter((t) => clean(t.term) !== "").map((t) => operand(syntax, t));
  if (mode === "any" || operands.length <= 2) {
    return operands.join(mode === "any" ? syntax.or : syntax.and);
  }
  const used = operands.slice(0, MOST_TERMS);
  return combinations(used, Math.ceil(used.length / 2))
    .map((chosen) => `(${chosen.join(syntax.and)})`)
    .join(syntax.or);
}

/**
 * The index term naming a ticket's company ("co" + the id's hex digits): part of every ticket's
 * terms, so that a company's search is an intersection inside the full-text index.
 */
export const companyTerm = (companyId: string): string =>
  `co${companyId.toLowerCase().replace(/[^0-9a-f]/g, "")}`;

/** True when the query has something to search for. */
export const hasTerms = (terms: QueryTerm[]) => terms.some((t) => clean(t.term) !== "");

/**
 * The full-text query text for the dialect: what `ticketMatchesText` and `ticketHits` take as their
 * parameter. Within one company, the company's own term is required besides.
 */
export function matchText(
  dialect: Dialect,
  terms: QueryTerm[],
  options: { mode?: MatchMode; companyId?: string | undefined } = {},
): string {
  const syntax = dialect === "postgres" ? TSQUERY : FTS5;
  const text = expression(syntax, terms, options.mode ?? "any");
  if (options.companyId === undefined) return text;
  return `${syntax.exact(companyTerm(options.companyId))}${syntax.and}(${text})`;
}

/**
 * The text as a tsquery, from a one-row subquery: PostgreSQL then plans a search without looking at
 * the words, so the named statement (named-statements.ts) keeps its generic plan — a bitmap scan of
 * the full-text index whatever the words — instead of planning every search again (about 1 ms, as
 * much as running it). The subquery runs once per query, before the scan.
 */
const tsQuery = (text: string) => sql`(select to_tsquery('simple', ${text}))`;

/** `ticket` rows whose terms match `text` (from `matchText`), which reaches the SQL as a parameter. */
export function ticketMatchesText(dialect: Dialect, text: string): Expression<SqlBool> {
  if (dialect === "postgres") {
    return sql<SqlBool>`ticket.search_vector @@ ${tsQuery(text)}`;
  }
  return sql<SqlBool>`ticket.number in (select rowid from ticket_fts where ticket_fts match ${text})`;
}

/**
 * Relevance as an integer (higher first; millionths of the score), so that a keyset cursor carries it
 * exactly. A ticket's, on SQLite, is `ticket_rank` (sqlite-rank.ts): how many of the query's words
 * it has, how often, how short it is — from the row alone, so ranking a company's matches does not
 * grow with the help desk, where BM25 reads, on every search, every row of the index that has each
 * word. ts_rank (normalization 1: divided by the log of the row's length) counts how many of the
 * terms a row has and how often. Articles, a few hundred, keep BM25, which weighs rare terms up. On
 * both databases a row with more of a sentence's words comes first; the test table's first results
 * agree (test/api/search-quality.test.ts).
 */
const SQLITE_SCORE = (table: string) => `cast(round(-bm25(${table}) * 1000000) as integer)`;
const SQLITE_TICKET_SCORE = (text: string) =>
  sql`cast(round(${sql.raw(TICKET_RANK_FUNCTION)}(terms, ${text}) * 1000000) as integer)`;

/** The best `limit` hits only, after a cursor and without one number: the page before its joins. */
export interface TopHits {
  limit: number;
  /** The cursor's (score, number), or undefined on the first page. */
  after: { key: number; number: number } | undefined;
  exclude: number | undefined;
}

/**
 * The tickets matching `text`, as a table to join on `hit.number = ticket.number`, with their
 * relevance in `hit.score`. The index does the matching on both databases. With `top`, only the
 * page's rows come out, already ranked, so the joins that follow read `limit` rows, not every match
 * (right only when every other condition of the list is inside `text`, as a company's term is).
 */
export function ticketHits(
  dialect: Dialect,
  text: string,
  top?: TopHits,
): RawBuilder<{ number: number; score: number }> {
  const all =
    dialect === "postgres"
      ? sql`select number, cast(round(ts_rank(search_vector, ${tsQuery(text)}, 1) * 1000000) as integer) as score from ticket where search_vector @@ ${tsQuery(text)}`
      : sql`select rowid as number, ${SQLITE_TICKET_SCORE(text)} as score from ticket_fts where ticket_fts match ${text}`;
  if (!top) return sql`(${all})`;
  const conditions = [
    ...(top.after ? [sql`(score, number) < (${top.after.key}, ${top.after.number})`] : []),
    ...(top.exclude !== undefined ? [sql`number <> ${top.exclude}`] : []),
  ];
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return sql`(select number, score from (${all}) as matched ${where} order by score desc, number desc limit ${rowLimit(top.limit)})`;
}

/** The `article` rows whose terms match, as a table to join on `hit.key` = `articleKey`. */
export function articleHits(
  dialect: Dialect,
  terms: QueryTerm[],
): RawBuilder<{ key: string | number; score: number }> {
  const text = matchText(dialect, terms);
  if (dialect === "postgres") {
    return sql`(select id as key, cast(round(ts_rank(to_tsvector('simple', search_terms), to_tsquery('simple', ${text}), 1) * 1000000) as integer) as score from article where to_tsvector('simple', search_terms) @@ to_tsquery('simple', ${text}))`;
  }
  return sql`(select rowid as key, ${sql.raw(SQLITE_SCORE("article_fts"))} as score from article_fts where article_fts match ${text})`;
}

/** The article column `hit.key` joins on: FTS5 rows are keyed by the article's rowid. */
export const articleKey = (dialect: Dialect) =>
  dialect === "postgres" ? sql`article.id` : sql`article.rowid`;

/** `article` rows whose terms match any of the terms. */
export function articleMatches(dialect: Dialect, terms: QueryTerm[]): Expression<SqlBool> {
  const text = matchText(dialect, terms);
  if (dialect === "postgres") {
    return sql<SqlBool>`to_tsvector('simple', article.search_terms) @@ to_tsquery('simple', ${text})`;
  }
  return sql<SqlBool>`article.rowid in (select rowid from article_fts where article_fts match ${text})`;
}
