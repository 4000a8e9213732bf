// A ticket's relevance to a query, from the ticket's own terms alone: how many of the query's words it
// has, then how often, then how short it is. Nothing here depends on the rest of the index, so ranking
// a company's matches costs what those matches are, whatever the size of the help desk (BM25's
// inverse document frequencies read every row of the whole index that has each word, on every search).

/** One word of the query: the index terms that count as it (its stem, and a prefix while typing). */
export interface RankOperand {
  terms: readonly string[];
  prefixes: readonly string[];
}

/** Saturation of repeated words (BM25's k1): the third mention adds less than the second. */
const K1 = 1.2;
/** The weight of repetition against coverage: a word more in the ticket always outranks repeats. */
const REPEAT_WEIGHT = 0.5;
/** Length normalization, gentle: a long ticket loses at most about a fifth of its score. */
const LENGTH_WEIGHT = 0.1;
const LENGTH_UNIT = 50;

/**
 * Higher is better; 0 when none of the words is there. `terms` are a ticket's analyzed terms,
 * separated by spaces (its `search_terms`).
 */
export function rankTerms(terms: string, operands: readonly RankOperand[]): number {
  const words = terms.split(" ");
  let score = 0;
  for (const operand of operands) {
    let count = 0;
    for (const word of words) {
      if (operand.terms.includes(word) || operand.prefixes.some((prefix) => word.startsWith(prefix))) count++;
    }
    if (count > 0) score += 1 + (REPEAT_WEIGHT * count) / (count + K1);
  }
  return score / (1 + LENGTH_WEIGHT * Math.log1p(words.length / LENGTH_UNIT));
}
