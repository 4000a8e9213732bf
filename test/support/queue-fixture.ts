// Test data for the queue: two companies, four staff members and tickets whose queue keys
// (status, assignee, priority, kind, channel, deadlines, last update, tags) are written straight
// into their rows, so every view, filter and sort has a known answer.
import type { FastifyInstance } from "fastify";
import type { Priority, TicketChannel, TicketKind, TicketStatus } from "../../src/contracts/tickets";
import type { AppContext } from "../../src/server/context";
import type { TicketTable } from "../../src/server/db/schema";
import { NO_DUE, priorityOrder } from "../../src/server/modules/sla/queue-keys";
import { loginAs, type MadeUser, makeCatalog, makeCompany, makeTicket, makeUser } from "./factories";

export const HOUR = 3_600_000;
/** The test clock's start: 2026-04-22T13:00:00Z. */
export const NOW = Date.parse("2026-04-22T13:00:00Z");

export interface TicketSpec {
  company: "a" | "b";
  category: "fiscal" | "finance";
  screen: "ATW0001" | "FIS0001" | "FIN0005";
  priority: Priority;
  status: TicketStatus;
  assignee: "agent" | "agent2" | null;
  kind?: TicketKind;
  channel?: TicketChannel;
  subject: string;
  /** Hours from NOW; null: no running deadline. */
  dueInHours: number | null;
  warnInHours: number | null;
  /** Minutes before NOW of the last customer-visible change. */
  updatedMinutesAgo: number;
  tags?: string[];
}

/** Writes a ticket's queue keys as if its story had happened. */
export async function shapeTicket(
  ctx: AppContext,
  number: number,
  changes: Partial<TicketTable>,
  tags: readonly string[] = [],
): Promise<void> {
  const row = await ctx.db
    .updateTable("ticket")
    .set(changes)
    .where("number", "=", number)
    .returning("id")
    .executeTakeFirstOrThrow();
  if (tags.length > 0)
    await ctx.db
      .insertInto("ticket_tag")
      .values(tags.map((tag) => ({ ticket_id: row.id, tag })))
      .execute();
}

export async function queueFixture(ctx: AppContext, app: FastifyInstance, specs: Record<string, TicketSpec>) {
  const catalog = await makeCatalog(ctx);
  const companies = {
    a: await makeCompany(ctx, { name: "Metalúrgica Paulista" }),
    b: await makeCompany(ctx, { name: "Distribuidora Carioca", state: "RJ", city: "Rio de Janeiro" }),
  };
  const customers = {
    a: await makeUser(ctx, "customer", { company: companies.a, name: "Fernanda Lima" }),
    b: await makeUser(ctx, "customer", { company: companies.b, name: "Rafael Souza" }),
  };
  const staff: Record<"agent" | "agent2" | "supervisor" | "admin", MadeUser> = {
    agent: await makeUser(ctx, "agent", { name: "Juliana Prado" }),
    agent2: await makeUser(ctx, "agent", { name: "Marcos Teixeira" }),
    supervisor: await makeUser(ctx, "supervisor", { name: "Carlos Menezes" }),
    admin: await makeUser(ctx, "admin", { name: "Renata Albuquerque" }),
  };
  const categories = { fiscal: catalog.categoryId, finance: catalog.otherCategoryId };
  const numbers: Record<string, number> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const number = await makeTicket(ctx, catalog, customers[spec.company], {
      categoryId: categories[spec.category],
      screenCode: spec.screen,
      priority: spec.priority,
      subject: spec.subject,
    });
    numbers[key] = number;
    await shapeTicket(
      ctx,
      number,
      {
        status: spec.status,
        assignee_id: spec.assignee ? staff[spec.assignee].id : null,
        priority_order: priorityOrder(spec.priority),
        kind: spec.kind ?? "support",
        channel: spec.channel ?? "portal",
        queue_due_at: spec.dueInHours === null ? NO_DUE : NOW + spec.dueInHours * HOUR,
        queue_warn_at: spec.warnInHours === null ? null : NOW + spec.warnInHours * HOUR,
        updated_at: NOW - spec.updatedMinutesAgo * 60_000,
        resolved_at: spec.status === "resolved" ? NOW - spec.updatedMinutesAgo * 60_000 : null,
      },
      spec.tags,
    );
  }
  const cookies = {
    agent: await loginAs(app, staff.agent),
    agent2: await loginAs(app, staff.agent2),
    supervisor: await loginAs(app, staff.supervisor),
    admin: await loginAs(app, staff.admin),
    customer: await loginAs(app, customers.a),
  };
  return { catalog, categories, companies, customers, staff, numbers, cookies };
}
export type QueueFixture = Awaited<ReturnType<typeof queueFixture>>;
