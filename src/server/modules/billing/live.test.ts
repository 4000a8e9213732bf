import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BillingWorld,
  consultancyTicket,
  estimateOn,
  makeBillingWorld,
} from "../../../../test/support/billing";
import { loginAs } from "../../../../test/support/factories";
import { connectSse, type SseClient, type SseMessage } from "../../../../test/support/sse";

// Live events of billing over a real socket: drafts and time entries reach staff only; a sent
// estimate and its decision reach the ticket's company too.
describe("billing's live events", () => {
  let w: BillingWorld;
  let origin: string;
  const open: SseClient[] = [];

  beforeAll(async () => {
    w = await makeBillingWorld();
    origin = await w.t.app.listen({ port: 0, host: "127.0.0.1" });
    await w.t.ctx.live.ready();
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await w.t.close();
  });

  const stream = async (user: BillingWorld["agent"]["user"]) => {
    const client = await connectSse(`${origin}/api/v1/events`, await loginAs(w.t.app, user));
    open.push(client);
    await client.next((m) => m.event === "ready");
    return client;
  };
  const about = (number: number) => (m: SseMessage) =>
    m.event === "ticket.updated" && m.data.ticketNumber === number;

  it("tells the customer nothing of a draft or a time entry, and of a sent estimate only once sent", async () => {
    const number = await consultancyTicket(w);
    const [staff, customer, otherCompany] = [
      await stream(w.supervisor.user),
      await stream(w.customerA.user),
      await stream(w.adminB.user),
    ];

    const id = await estimateOn(w, number, 120, { send: false, description: "Rascunho interno" });
    await staff.next(about(number));
    await w.agent.post(`/api/v1/tickets/${number}/time-entries`, {
      minutes: 30,
      note: "Conferência do extrato",
      billable: true,
    });
    await staff.next((m) => about(number)(m) && staff.messages.filter(about(number)).length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(customer.messages.filter(about(number))).toEqual([]);

    await w.agent.post(`/api/v1/tickets/${number}/estimates/${id}/send`);
    const sent = await customer.next(about(number));
    expect(Object.keys(sent.data).sort()).toEqual(["at", "status", "ticketNumber"]);
    await w.adminA.post(`/api/v1/tickets/${number}/estimates/${id}/approve`, {});
    await customer.next((m) => about(number)(m) && customer.messages.filter(about(number)).length >= 2);

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(otherCompany.messages.map((m) => m.event)).toEqual(["ready"]);
    for (const message of customer.messages)
      expect(JSON.stringify(message.data)).not.toMatch(/Rascunho|extrato|minutes/);
  });
});
