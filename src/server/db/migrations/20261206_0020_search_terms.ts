// Search terms in the analysis of issue #10: stopwords compared without accents ("nao" = "não"),
// hyphenated words indexed whole and in parts ("e-mail" = "email", "NF-e" = "nfe"), borrowed
// plurals ("e-mails") and an answer's question / a ticket's subject counted twice for ranking.
// Every article, ticket and screen is re-analyzed from its text, in batches of rows in key order
// (memory stays flat however many tickets there are). On SQLite the FTS5 tables follow through
// their triggers (update of search_terms); on PostgreSQL the GIN expression indexes follow by
// themselves. Only rows whose terms change are written.
//
// It uses today's analysis (src/domain/search): a later change to the analysis writes its own
// migration, which re-analyzes again.
import type { Kysely } from "kysely";
import { articleTerms, ticketEventTerms, ticketTextTerms } from "../../../domain/search/documents";
import { screenSearchTerms } from "../../modules/screens/service";
import type { Database } from "../schema";
import { companyTerm } from "../search";

/** Rows read and written per step. */
const BATCH = 500;

async function reanalyzeTickets(db: Kysely<Database>, batch: number): Promise<void> {
  let after = -1;
  for (;;) {
    const tickets = await db
      .selectFrom("ticket")
      .select([
        "id",
        "number",
        "company_id",
        "subject",
        "description",
        "example_record",
        "screen_code",
        "search_terms",
      ])
      .where("number", ">", after)
      .orderBy("number")
      .limit(batch)
      .execute();
    if (tickets.length === 0) return;
    const events = await db
      .selectFrom("ticket_event")
      .select(["ticket_id", "type", "internal", "body", "to_value"])
      .where(
        "ticket_id",
        "in",
        tickets.map((t) => t.id),
      )
      .where("type", "in", ["message", "call_logged", "screen_changed"])
      .orderBy("ticket_id")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    const history = new Map<string, string[]>();
    for (const event of events) {
      const terms = ticketEventTerms(event);
      if (terms.length > 0) history.set(event.ticket_id, [...(history.get(event.ticket_id) ?? []), ...terms]);
    }
    for (const ticket of tickets) {
      const terms = [
        companyTerm(ticket.company_id),
        ...ticketTextTerms({
          subject: ticket.subject,
          description: ticket.description,
          exampleRecord: ticket.example_record,
          screenCode: ticket.screen_code,
        }),
        ...(history.get(ticket.id) ?? []),
      ].join(" ");
      if (terms !== ticket.search_terms)
        await db.updateTable("ticket").set({ search_terms: terms }).where("id", "=", ticket.id).execute();
    }
    after = tickets.at(-1)?.number ?? after;
  }
}

async function reanalyzeArticles(db: Kysely<Database>, batch: number): Promise<void> {
  let after = "";
  for (;;) {
    const articles = await db
      .selectFrom("article")
      .innerJoin("category", "category.id", "article.category_id")
      .select(["article.id", "article.question", "article.answer", "article.search_terms", "category.name"])
      .where("article.id", ">", after)
      .orderBy("article.id")
      .limit(batch)
      .execute();
    if (articles.length === 0) return;
    for (const article of articles) {
      const terms = articleTerms({
        question: article.question,
        answer: article.answer,
        categoryName: article.name,
      });
      if (terms !== article.search_terms)
        await db.updateTable("article").set({ search_terms: terms }).where("id", "=", article.id).execute();
    }
    after = articles.at(-1)?.id ?? after;
  }
}

async function reanalyzeScreens(db: Kysely<Database>, batch: number): Promise<void> {
  let after = "";
  for (;;) {
    const screens = await db
      .selectFrom("screen")
      .select(["code", "name", "module", "search_terms"])
      .where("code", ">", after)
      .orderBy("code")
      .limit(batch)
      .execute();
    if (screens.length === 0) return;
    for (const screen of screens) {
      const terms = screenSearchTerms(screen.code, screen.name, screen.module ?? "");
      if (terms !== screen.search_terms)
        await db.updateTable("screen").set({ search_terms: terms }).where("code", "=", screen.code).execute();
    }
    after = screens.at(-1)?.code ?? after;
  }
}

/** Re-analyzes every article, screen and ticket, `batch` rows at a time (the test uses small ones). */
export async function reanalyze(db: Kysely<unknown>, batch = BATCH): Promise<void> {
  const typed = db as unknown as Kysely<Database>;
  await reanalyzeArticles(typed, batch);
  await reanalyzeScreens(typed, batch);
  await reanalyzeTickets(typed, batch);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await reanalyze(db);
}

/**
 * Nothing to undo in the schema; the earlier analysis is gone from the code, so the terms stay in
 * today's form (which the earlier queries still match, less forgivingly).
 */
export async function down(): Promise<void> {}
