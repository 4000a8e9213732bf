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

/**
 * A consultancy story, played through the billing services: the agent reclassifies the ticket and
 * sends an hours estimate, the company admin approves it, the agent logs the time spent.
 */
export interface DemoConsultancy {
  /** Why it is consultancy, as the customer reads it in the history. */
  reason: string;
  /** Hours after the opening when the agent reclassifies it and sends the estimate. */
  afterHours: number;
  estimate: { minutes: number; description: string };
  /** The company admin's decision: hours after the opening, and their words. */
  approval: { afterHours: number; note: string };
  /** Billable time the agent logs, hours after the opening. */
  time: { minutes: number; note: string; afterHours: number }[];
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
  /**
   * Days before the seeding moment when it was opened. A consultancy story is moved into the
   * current month when it fits there, so that the month's statement shows its hours.
   */
  openedDaysAgo: number;
  messages: DemoMessage[];
  consultancy?: DemoConsultancy;
}
