// Shapes of the demo content: the FAQ, the screen catalog and the demo tickets' stories.
import type { Priority, TicketStatus } from "../../../contracts/tickets";

export interface DemoArticle {
  question: string;
  /** Markdown. */
  answer: string;
}

export interface DemoCategory {
  name: string;
  description: string;
  articles: DemoArticle[];
}

export interface DemoScreen {
  /** Three letters and four digits. */
  code: string;
  name: string;
  module: string;
}

/** One message in a demo ticket's history. */
export interface DemoMessage {
  /** "customer": the ticket's requester; "agent": a support agent; "note": an agent's internal note. */
  from: "customer" | "agent" | "note";
  body: string;
  /** Hours after the ticket was opened. */
  afterHours: number;
}

export interface DemoTicket {
  /** Index into demoCompanies (src/server/seed/demo-data.ts): 0, 1 or 2. */
  company: 0 | 1 | 2;
  /** Index into that company's users. */
  requester: 0 | 1;
  /** Category name, exactly as in the FAQ content. */
  category: string;
  screenCode: string;
  subject: string;
  description: string;
  exampleRecord: string;
  priority: Priority;
  /** The status the story ends in. */
  status: TicketStatus;
  /** Days before the seeding moment when it was opened. */
  openedDaysAgo: number;
  messages: DemoMessage[];
}
