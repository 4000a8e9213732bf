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
