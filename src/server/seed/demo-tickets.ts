// Plays the demo tickets' stories through the real services, on a clock set back in time, so their
// history (events, statuses, SLA-relevant instants) is exactly what the product would have written.
import type { Actor } from "../../domain/policies";
import type { AppContext } from "../context";
import type { CompanyRow } from "../modules/companies/repository";
import { findTicketRow } from "../modules/tickets/repository";
import { addMessage, changeTicket, openTicket } from "../modules/tickets/service";
import type { UserRow } from "../modules/users/repository";
import type { DemoTicket } from "./content/types";

const HOUR = 3_600_000;

export interface DemoCast {
  companies: { company: CompanyRow; users: UserRow[] }[];
  agents: UserRow[];
  categoryIds: Map<string, string>;
}

const actorOf = (user: UserRow): Actor => ({
  userId: user.id,
  role: user.role,
  companyId: user.company_id,
});

/** The same services, with the clock standing at `at`. */
const at = (ctx: AppContext, instant: number): AppContext => ({ ...ctx, clock: { now: () => instant } });

export async function playDemoTicket(
  ctx: AppContext,
  cast: DemoCast,
  story: DemoTicket,
  index: number,
): Promise<number> {
  const member = cast.companies[story.company];
  const requester = member?.users[story.requester];
  const agent = cast.agents[index % cast.agents.length];
  const categoryId = cast.categoryIds.get(story.category);
  if (!member || !requester || !agent || !categoryId)
    throw new Error(`demo ticket "${story.subject}" names unknown data`);

  const openedAt = ctx.clock.now() - story.openedDaysAgo * 24 * HOUR;
  const number = await openTicket(at(ctx, openedAt), actorOf(requester), {
    categoryId,
    subject: story.subject,
    description: story.description,
    screenCode: story.screenCode,
    exampleRecord: story.exampleRecord,
    priority: story.priority,
    attachmentIds: [],
  });

  let last = openedAt;
  for (const message of story.messages) {
    last = openedAt + message.afterHours * HOUR;
    const author = message.from === "customer" ? requester : agent;
    await addMessage(at(ctx, last), actorOf(author), number, {
      body: message.body,
      internal: message.from === "note",
      attachmentIds: [],
    });
  }

  const ticket = await findTicketRow(ctx.db, { kind: "all" }, number);
  if (ticket && ticket.status !== story.status) {
    await changeTicket(at(ctx, last + HOUR / 4), actorOf(agent), number, {
      version: ticket.version,
      status: story.status,
    });
  }
  return number;
}
