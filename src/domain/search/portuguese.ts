// Portuguese text analysis for search, the same on SQLite and PostgreSQL: words are lower-cased,
// brought to a common singular, stemmed with Snowball and stripped of accents, so "ação" finds
// "ações", "emissao" finds "emissão", "funcionar" finds "funciona" and "email" finds "e-mail".
import snowball from "snowball-stemmers";

const stemmer = snowball.newStemmer("portuguese");

/**
 * Words too common to narrow a search, compared without accents: "nao" is "não" typed in a hurry,
 * and a question typed as a sentence ("o que fazer quando…") keeps only the words that matter.
 */
const STOPWORDS = new Set(
  (
    "a o e é de da do das dos em no na nos nas num numa um uma uns umas para pra pro por pelo pela " +
    "pelos pelas com sem que se ao aos à às ou os as não mais demais meu minha meus minhas seu sua " +
    "seus suas nosso nossa como eu ele ela eles elas voce você isso isto esse essa este esta aquele " +
    "aquela lhe me te já ja também tambem foi ser está estou estao estão tem têm ter há ha qual quais " +
    "porque porquê quê onde muito pouco só so então entao mas nem até ate sobre após apos"
  )
    .split(" ")
    .map((word) => stripAccents(word)),
);

const WORD = /[\p{L}\p{N}]+/gu;
/** A word with hyphens inside ("e-mail", "NF-e", "pré-venda", "45120-3"): its parts and its whole. */
const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;
/** A hyphenated word or a plain one. */
const TOKEN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

export function stripAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "");
}

/**
 * Users often type without accents, and Snowball stems "bancária" and "bancaria" apart: words are
 * stripped of accents first, then the endings that are always accented are restored ("acao" →
 * "ação", "emissoes" → "emissões") so that both spellings stem alike.
 */
function restoreEndings(unaccented: string): string {
  return unaccented
    .replace(/coes$/, "ções")
    .replace(/cao$/, "ção")
    .replace(/oes$/, "ões")
    .replace(/aes$/, "ães")
    .replace(/ao$/, "ão");
}

/**
 * Snowball keeps some plurals apart from their singular ("ação"/"ações", "fiscal"/"fiscais") and
 * leaves borrowed words' plurals alone ("e-mails", "logins"): a final s after a consonant is one.
 */
function singular(word: string): string {
  if (word.length <= 5) return word.replace(/(ões|ães)$/, "ão").replace(/([^aeiouãõsx])s$/, "$1");
  return word
    .replace(/(ões|ães)$/, "ão")
    .replace(/ais$/, "al")
    .replace(/éis$/, "el")
    .replace(/eis$/, "el")
    .replace(/óis$/, "ol")
    .replace(/([^aeiouãõsx])s$/, "$1");
}

/**
 * Nouns Snowball stems apart from their verb, though people use either for the same thing in an
 * ERP ("a impressão do boleto" / "o boleto não imprime"): the noun's stem becomes the verb's.
 */
const NOUN_TO_VERB: Record<string, string> = {
  impressa: "imprim",
  impress: "imprim",
  emissa: "emit",
  exclusa: "exclu",
  inclusa: "inclu",
  rejeica: "rejeit",
  devolu: "devolv",
  correca: "corrig",
  transmissa: "transmit",
  geraca: "ger",
  permissa: "permit",
};

/**
 * Words already analyzed: a help desk's vocabulary is small and stemming a word costs more than
 * anything else in indexing a ticket. Bounded: past the limit it starts again.
 */
const TERM_CACHE_LIMIT = 50_000;
const termCache = new Map<string, string | null>();

/** The index form of one word, or undefined for a stopword. Case and accents never matter. */
export function termOf(rawWord: string): string | undefined {
  const cached = termCache.get(rawWord);
  if (cached !== undefined) return cached ?? undefined;
  const term = analyzeWord(rawWord);
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(rawWord, term ?? null);
  return term;
}

function analyzeWord(rawWord: string): string | undefined {
  const word = rawWord.toLowerCase();
  const bare = stripAccents(word);
  if (STOPWORDS.has(bare)) return undefined;
  if (/^\d+$/.test(word)) return word;
  const stem = stripAccents(stemmer.stem(singular(restoreEndings(bare))));
  return NOUN_TO_VERB[stem] ?? stem;
}

/** The one word a hyphenated one is typed as: "e-mail" → "email", "NF-e" → "nfe". */
const joined = (hyphenated: string) => hyphenated.replace(/-/g, "");

/**
 * The terms of a text, in order, for the search index. A hyphenated word gives its whole and its
 * parts, so "e-mail" is found by "email", "e-mail" and "mail", and "NF-e" by "nfe" and "nf".
 */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  const add = (word: string) => {
    const term = termOf(word);
    if (term) terms.push(term);
  };
  for (const [token] of text.matchAll(TOKEN)) {
    if (token.includes("-")) {
      add(joined(token));
      for (const part of token.split("-")) add(part);
    } else add(token);
  }
  return terms;
}

/** One word of a query; the last word may be still being typed. */
export interface QueryTerm {
  term: string;
  /** Also match index terms that start with this (the last word, while typing). */
  prefix: string | undefined;
}

/**
 * The distinct terms of a query, in order. A hyphenated word is one word ("NF-e" → "nfe"), which
 * the index holds for hyphenated and joined spellings alike.
 */
export function parseQuery(query: string): QueryTerm[] {
  const words = [...query.toLowerCase().replace(HYPHENATED, joined).matchAll(WORD)].map((m) => m[0]);
  const terms: QueryTerm[] = [];
  const typing = !/\s$/.test(query);
  words.forEach((word, index) => {
    const term = termOf(word);
    const isLast = index === words.length - 1;
    if (!term) return;
    // One letter would match half the index: a prefix starts at two.
    const prefix = isLast && typing && word.length >= 2 ? stripAccents(word) : undefined;
    const same = terms.findIndex((t) => t.term === term);
    if (same >= 0) {
      if (prefix) terms[same] = { term, prefix };
      return;
    }
    terms.push({ term, prefix });
  });
  return terms;
}
