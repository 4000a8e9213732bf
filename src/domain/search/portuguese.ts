// Portuguese text analysis for search, the same on SQLite and PostgreSQL: words are lower-cased,
// brought to a common singular, stemmed with Snowball and stripped of accents, so "ação" finds
// "ações", "emissao" finds "emissão" and "funcionar" finds "funciona".
import snowball from "snowball-stemmers";

const stemmer = snowball.newStemmer("portuguese");

/** Words too common to narrow a search. */
const STOPWORDS = new Set(
  "a o e é de da do das dos em no na nos nas um uma uns umas para por com sem que se ao aos à às ou os as não mais demais meu minha seu sua como".split(
    " ",
  ),
);

const WORD = /[\p{L}\p{N}]+/gu;
/** "NF-e", "NFC-e", "CC-e", "CT-e": one word as people type it ("nfe"). */
const HYPHENATED_ACRONYM = /\b(\p{L}{2,4})-(\p{L})\b/gu;
const joinAcronyms = (text: string) => text.replace(HYPHENATED_ACRONYM, "$1$2");

export const stripAccents = (text: string): string => text.normalize("NFD").replace(/\p{M}/gu, "");

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

/** Snowball keeps some plurals apart from their singular ("ação"/"ações", "fiscal"/"fiscais"). */
function singular(word: string): string {
  if (word.length <= 5) return word.replace(/(ões|ães)$/, "ão");
  return word
    .replace(/(ões|ães)$/, "ão")
    .replace(/ais$/, "al")
    .replace(/éis$/, "el")
    .replace(/eis$/, "el")
    .replace(/óis$/, "ol");
}

/** The index form of one word, or undefined for a stopword. */
export function termOf(rawWord: string): string | undefined {
  const word = rawWord.toLowerCase();
  if (STOPWORDS.has(word) || STOPWORDS.has(stripAccents(word))) return undefined;
  if (/^\d+$/.test(word)) return word;
  return stripAccents(stemmer.stem(singular(restoreEndings(stripAccents(word)))));
}

/** The terms of a text, in order, for the search index. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const match of joinAcronyms(text).matchAll(WORD)) {
    const term = termOf(match[0]);
    if (term) terms.push(term);
  }
  return terms;
}

/** One word of a query; the last word may be still being typed. */
export interface QueryTerm {
  term: string;
  /** Also match index terms that start with this (the last word, while typing). */
  prefix: string | undefined;
}

export function parseQuery(query: string): QueryTerm[] {
  const words = [...joinAcronyms(query.toLowerCase()).matchAll(WORD)].map((m) => m[0]);
  const terms: QueryTerm[] = [];
  words.forEach((word, index) => {
    const term = termOf(word);
    const isLast = index === words.length - 1;
    if (!term) return;
    terms.push({ term, prefix: isLast && !/\s$/.test(query) ? stripAccents(word) : undefined });
  });
  return terms;
}
