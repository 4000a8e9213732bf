// Plays the demo tickets' stories through the real services, on a clock set back in time, so their
// history (events, statuses, SLA-relevant instants, consultancy estimates and time) is exactly what
// the product would have written.
import { DateTime } from "luxon";
import { BILLING_TIME_ZONE } from "../../domain/billing/months";
import type { Actor } from "../../domain/policies";
import type { AppContext, CommandMeta } from "../context";
import { decideEstimate, draftEstimate, sendEstimate } from "../modules/billing/estimates";
import { logTime } from "../modules/billing/time-entries";
import type { CompanyRow } from "../modules/companies/repository";
import { findTicketRow } from "../modules/tickets/repository";
import { addMessage, changeTicket, openTicket } from "../modules/tickets/service";
import type { UserRow } from "../modules/users/repository";
import type { DemoConsultancy, DemoTicket } from "./content/types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

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

/** One thing that happens in a story, hours after the opening, with the clock standing then. */
interface Step {
  afterHours: number;
  play: (ctx: AppContext) => Promise<void>;
}

export async function playDemoTicket(
  ctx: AppContext,
  meta: CommandMeta,
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

  const openedAt = openingOf(ctx.clock.now(), story);
  const { number } = await openTicket(at(ctx, openedAt), actorOf(requester), {
    categoryId,
    subject: story.subject,
    description: story.description,
    screenCode: story.screenCode,
    exampleRecord: story.exampleRecord,
    priority: story.priority,
    attachmentIds: [],
  });

  const messages: Step[] = story.messages.map((message) => ({
    afterHours: message.afterHours,
    play: async (now) => {
      const author = message.from === "customer" ? requester : agent;
      await addMessage(now, actorOf(author), number, {
        body: message.body,
        internal: message.from === "note",
        attachmentIds: [],
      });
    },
  }));
  const admin = member.users.find((user) => user.role === "customer_admin");
  const consultancy = story.consultancy
    ? consultancySteps(meta, number, story.consultancy, actorOf(agent), admin && actorOf(admin))
    : [];
  // A stable sort: steps at the same hour keep the order they are written in.
  const steps = [...consultancy, ...messages].sort((a, b) => a.afterHours - b.afterHours);
  let last = openedAt;
  for (const step of steps) {
    last = openedAt + step.afterHours * HOUR;
    await step.play(at(ctx, last));
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

/**
 * When a story begins: its days ago; but a consultancy story that would begin last month moves to
 * this month's first morning when it fits before now, so this month's statement shows its hours.
 */
function openingOf(now: number, story: DemoTicket): number {
  const openedAt = now - story.openedDaysAgo * DAY;
  if (!story.consultancy) return openedAt;
  const monthStart = DateTime.fromMillis(now, { zone: BILLING_TIME_ZONE })
    .startOf("month")
    .set({ hour: 9 })
    .toMillis();
  const lastHour = Math.max(
    0,
    ...story.messages.map((m) => m.afterHours),
    story.consultancy.approval.afterHours,
  );
  const fits = monthStart + (lastHour + 1) * HOUR <= now;
  return openedAt < monthStart && fits ? monthStart : openedAt;
}

/** Reclassified and estimated by the agent, approved by the company admin, time logged. */
function consultancySteps(
  meta: CommandMeta,
  number: number,
  consultancy: DemoConsultancy,
  agent: Actor,
  admin: Actor | undefined,
): Step[] {
  if (!admin) throw new Error(`demo ticket ${number}: its company has no admin to approve the estimate`);
  const agentMeta = { ...meta, actorId: agent.userId };
  let estimateId: string | null = null;
  const estimate: Step = {
    afterHours: consultancy.afterHours,
    play: async (now) => {
      const ticket = await findTicketRow(now.db, { kind: "all" }, number);
      if (!ticket) throw new Error(`demo ticket ${number} vanished`);
      await changeTicket(now, agent, number, {
        version: ticket.version,
        kind: "consultancy",
        kindReason: consultancy.reason,
      });
      estimateId = await draftEstimate(now, agent, agentMeta, number, consultancy.estimate);
      await sendEstimate(now, agent, agentMeta, number, estimateId);
    },
  };
  const approval: Step = {
    afterHours: consultancy.approval.afterHours,
    play: async (now) => {
      if (estimateId === null) throw new Error(`demo ticket ${number}: approval before its estimate`);
      await decideEstimate(now, admin, { ...meta, actorId: admin.userId }, number, estimateId, {
        status: "approved",
        note: consultancy.approval.note,
      });
    },
  };
  const time: Step[] = consultancy.time.map((entry) => ({
    afterHours: entry.afterHours,
    play: async (now) => {
      await logTime(now, agent, agentMeta, number, {
        minutes: entry.minutes,
        note: entry.note,
        billable: true,
      });
    },
  }));
  return [estimate, approval, ...time];
}
