// What each searchable row's index terms are made of, in one place: the commands that write rows
// and the migration that re-analyzes them build the same terms.
import { analyze } from "./portuguese";

/**
 * An FAQ answer's terms: the question counts twice (what the answer is about weighs more than a
 * word its steps mention in passing), then the answer and the category's name.
 */
export function articleTerms(article: { question: string; answer: string; categoryName: string }): string {
  const question = analyze(article.question);
  return [...question, ...question, ...analyze(article.answer), ...analyze(article.categoryName)].join(" ");
}

/**
 * A ticket's own terms: the subject counts twice, as an answer's question does, then the
 * description, example record and screen code. Public replies are appended as they are written.
 */
export function ticketTextTerms(ticket: {
  subject: string;
  description: string;
  exampleRecord: string;
  screenCode: string;
}): string[] {
  const subject = analyze(ticket.subject);
  return [
    ...subject,
    ...subject,
    ...analyze(`${ticket.description} ${ticket.exampleRecord} ${ticket.screenCode}`),
  ];
}

/**
 * What one history event added to its ticket's terms when it was written: a public reply or logged
 * call its text, a screen change the new code ("FIN0005 – Fluxo de Caixa"). Rebuilding a ticket's
 * terms (a re-analysis, an anonymization) is its company term, `ticketTextTerms`, then these in order.
 */
export function ticketEventTerms(event: {
  type: string;
  internal: number;
  body: string | null;
  to_value: string | null;
}): string[] {
  if ((event.type === "message" || event.type === "call_logged") && event.internal === 0 && event.body)
    return analyze(event.body);
  if (event.type === "screen_changed" && event.to_value) {
    const code = /^\S+/.exec(event.to_value)?.[0];
    return code ? analyze(code) : [];
  }
  return [];
}
