import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { makeCompanyWithPlan } from "../../../../test/support/console";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
} from "../../../../test/support/factories";
import { connectSse, type SseClient } from "../../../../test/support/sse";

// POST /api/v1/tickets/:number/calls: a call about a ticket, with its minutes and "Resumo da ligação".
describe("calls on a ticket", () => {
  let t: TestApp;
  let origin: string;
  let catalog: Catalog;
  let fernanda: MadeUser;
  let agentUser: MadeUser;
  let agent: string;
  let customer: string;
  const streams: SseClient[] = [];
  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set("2026-04-22T10:00:00-03:00"); // a Wednesday, within business hours
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompanyWithPlan(t);
    fernanda = await makeUser(t.ctx, "customer", { company, name: "Fernanda Lima" });
    customer = await loginAs(t.app, fernanda);
    agentUser = await makeUser(t.ctx, "agent", { name: "Juliana Prado" });
    agent = await loginAs(t.app, agentUser);
    origin = await t.app.listen({ port: 0, host: "127.0.0.1" });
    await t.ctx.live.ready();
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await t.close();
  });

  const logCall = (cookie: string | undefined, number: number, payload: unknown) =>
    call(t.app, "POST", `/api/v1/tickets/${number}/calls`, payload, { cookie });
  const get = async (cookie: string, number: number) =>
    (await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie })).json();
  const firstResponse = (ticket: { sla: { deadlines: { metric: string }[] } }) =>
    ticket.sla.deadlines.find((d) => d.metric === "first_response");

  it("answers 401 signed out, 404 to customers (even on their own ticket) and 404 on a missing ticket", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    const payload = { durationMinutes: 5, summary: "Liguei para a cliente." };
    expect((await logCall(undefined, number, payload)).statusCode).toBe(401);
    const refused = await logCall(customer, number, payload);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe("ticket.not_found");
    expect((await get(customer, number)).events).toHaveLength(1);
    expect((await logCall(agent, 999_999, payload)).statusCode).toBe(404);
  });

  it("requires the minutes (1–600) and a summary", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    const fields = async (payload: unknown) => (await logCall(agent, number, payload)).json().error.fields;
    expect(await fields({})).toEqual({
      durationMinutes: "Campo obrigatório.",
      summary: "Campo obrigatório.",
    });
    expect(await fields({ durationMinutes: 0, summary: "   " })).toEqual({
      durationMinutes: "Deve ser no mínimo 1.",
      summary: "Campo obrigatório.",
    });
    expect(await fields({ durationMinutes: 601, summary: "ok" })).toEqual({
      durationMinutes: "Deve ser no máximo 600.",
    });
    expect(await fields({ durationMinutes: 5, summary: "ok", internal: "sim" })).toEqual({
      internal: "Valor inválido.",
    });
    expect((await get(agent, number)).events).toHaveLength(1);
  });

  it("a public summary answers like a staff reply: the customer reads it and the first response is met", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    const before = await get(agent, number);
    t.clock.advance(30 * 60_000);
    const response = await logCall(agent, number, {
      durationMinutes: 12,
      summary: "Combinamos **reimprimir o DANFE** pela tela FIS0003.<script>alert(1)</script>",
    });
    expect(response.statusCode).toBe(201);
    const ticket = response.json();
    expect(ticket.status).toBe("in_progress");
    expect(ticket.version).toBe(before.version + 1);
    expect(ticket.updatedAt).toBe(new Date(t.clock.now()).toISOString());

    const seen = await get(customer, number);
    expect(seen.events.map((e: { type: string }) => e.type)).toEqual([
      "opened",
      "call_logged",
      "status_changed",
    ]);
    const callEvent = seen.events[1];
    expect(callEvent).toMatchObject({
      actor: { name: "Juliana Prado", staff: true },
      internal: false,
      durationMinutes: 12,
    });
    expect(callEvent.bodyHtml).toContain("<strong>reimprimir o DANFE</strong>");
    expect(callEvent.bodyHtml).not.toContain("<script>");
    expect(firstResponse(seen)).toMatchObject({ state: "met", metAt: new Date(t.clock.now()).toISOString() });

    // The summary is searchable like a reply.
    const search = await call(t.app, "GET", "/api/v1/tickets", undefined, {
      cookie: customer,
      query: { q: "DANFE" },
    });
    expect(search.json().items.map((item: { number: number }) => item.number)).toContain(number);
  });

  it("an internal call stays with staff: not shown, no status change, the first response still owed", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    const before = await get(customer, number);
    t.clock.advance(10 * 60_000);
    const response = await logCall(agent, number, {
      durationMinutes: 3,
      summary: "Cliente irritada com a cobrança xyzzy",
      internal: true,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: "open", version: before.version + 1 });
    expect(response.json().events.at(-1)).toMatchObject({
      type: "call_logged",
      internal: true,
      durationMinutes: 3,
    });

    const detail = await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie: customer });
    expect(detail.body).not.toContain("xyzzy");
    const seen = detail.json();
    expect(seen.events.map((e: { type: string }) => e.type)).toEqual(["opened"]);
    expect(seen.updatedAt).toBe(before.updatedAt);
    expect(firstResponse(seen)).toMatchObject({ state: "on_time", metAt: null });
  });

  it("a call on a ticket waiting for the customer leaves its status, and meets the next response owed", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    await call(
      t.app,
      "POST",
      `/api/v1/tickets/${number}/messages`,
      { body: "Pode enviar o XML?" },
      { cookie: agent },
    );
    await call(
      t.app,
      "POST",
      `/api/v1/tickets/${number}/messages`,
      { body: "Segue o XML." },
      { cookie: customer },
    );
    const owed = await get(agent, number);
    expect(owed.sla.deadlines.find((d: { metric: string }) => d.metric === "next_response")).toMatchObject({
      state: "on_time",
    });
    t.clock.advance(5 * 60_000);
    const ticket = (
      await logCall(agent, number, { durationMinutes: 8, summary: "Analisamos o XML juntos." })
    ).json();
    expect(ticket.status).toBe("in_progress");
    expect(ticket.sla.deadlines.find((d: { metric: string }) => d.metric === "next_response")).toMatchObject({
      state: "met",
    });
  });

  it("tells the company of a public call and only staff of an internal one", async () => {
    const other = await makeUser(t.ctx, "customer", { company: await makeCompany(t.ctx) });
    const listen = async (cookie: string) => {
      const stream = await connectSse(`${origin}/api/v1/events`, cookie);
      streams.push(stream);
      await stream.next((m) => m.event === "ready");
      return stream;
    };
    const staffStream = await listen(agent);
    const customerStream = await listen(customer);
    const otherStream = await listen(await loginAs(t.app, other));
    const number = await makeTicket(t.ctx, catalog, fernanda);
    await logCall(agent, number, { durationMinutes: 2, summary: "Nota de ligação xyzzy", internal: true });
    await logCall(agent, number, { durationMinutes: 4, summary: "Retornamos a ligação." });
    const about = (type: string) => (m: { event: string; data: Record<string, unknown> }) =>
      m.event === type && m.data.ticketNumber === number;
    await staffStream.next(about("ticket.note"));
    await staffStream.next(about("ticket.message"));
    expect((await customerStream.next(about("ticket.message"))).data).toMatchObject({
      status: "in_progress",
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(customerStream.messages.map((m) => m.event)).not.toContain("ticket.note");
    for (const message of customerStream.messages) expect(JSON.stringify(message.data)).not.toMatch(/xyzzy/);
    expect(otherStream.messages.filter((m) => m.data.ticketNumber === number)).toEqual([]);
  });
});
