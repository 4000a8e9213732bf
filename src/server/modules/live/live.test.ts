import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeUser,
  ticketBody,
} from "../../../../test/support/factories";
import { connectSse, type SseClient } from "../../../../test/support/sse";

// The live stream over a real socket: each user receives only what they may see.
describe("live events (GET /api/v1/events)", () => {
  let t: TestApp;
  let origin: string;
  let catalog: Catalog;
  let customerA: MadeUser;
  let customerB: MadeUser;
  let agent: MadeUser;
  let supervisor: MadeUser;
  const open: SseClient[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const [a, b] = [await makeCompany(t.ctx), await makeCompany(t.ctx)];
    customerA = await makeUser(t.ctx, "customer", { company: a });
    customerB = await makeUser(t.ctx, "customer", { company: b });
    agent = await makeUser(t.ctx, "agent");
    supervisor = await makeUser(t.ctx, "supervisor");
    origin = await t.app.listen({ port: 0, host: "127.0.0.1" });
    await t.ctx.live.ready();
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await t.close();
  });

  const stream = async (cookie: string) => {
    const client = await connectSse(`${origin}/api/v1/events`, cookie);
    open.push(client);
    await client.next((m) => m.event === "ready");
    return client;
  };

  it("answers 401 without a session", async () => {
    const response = await fetch(`${origin}/api/v1/events`);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/json/);
  });

  it("tells staff and the ticket's company, not another company, of a new ticket, a reply and a change", async () => {
    const [agentCookie, aCookie, bCookie] = [
      await loginAs(t.app, agent),
      await loginAs(t.app, customerA),
      await loginAs(t.app, customerB),
    ];
    const [staffStream, aStream, bStream] = [
      await stream(agentCookie),
      await stream(aCookie),
      await stream(bCookie),
    ];
    const created = await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), { cookie: aCookie });
    expect(created.statusCode).toBe(201);
    const number = created.json().number;
    const isCreated = (m: { event: string; data: Record<string, unknown> }) =>
      m.event === "ticket.created" && m.data.ticketNumber === number;
    expect((await staffStream.next(isCreated)).data).toMatchObject({ ticketNumber: number, status: "open" });
    await aStream.next(isCreated);

    // An internal note reaches staff only; the public reply after it reaches the company too.
    await call(
      t.app,
      "POST",
      `/api/v1/tickets/${number}/messages`,
      { body: "Nota: cliente com contrato antigo", internal: true },
      { cookie: agentCookie },
    );
    await call(
      t.app,
      "POST",
      `/api/v1/tickets/${number}/messages`,
      { body: "Estamos verificando." },
      { cookie: agentCookie },
    );
    await staffStream.next((m) => m.event === "ticket.note" && m.data.ticketNumber === number);
    const reply = await aStream.next((m) => m.event === "ticket.message" && m.data.ticketNumber === number);
    expect(reply.data).toMatchObject({ status: "in_progress" });
    const { version } = (
      await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie: agentCookie })
    ).json();
    await call(
      t.app,
      "PATCH",
      `/api/v1/tickets/${number}`,
      { version, priority: "high" },
      { cookie: agentCookie },
    );
    await aStream.next((m) => m.event === "ticket.updated" && m.data.ticketNumber === number);

    // Company B heard nothing of it, and company A nothing internal, ever.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bStream.messages.map((m) => m.event)).toEqual(["ready"]);
    expect(aStream.messages.map((m) => m.event)).not.toContain("ticket.note");
    for (const message of aStream.messages)
      expect(JSON.stringify(message.data)).not.toMatch(/contrato antigo/);
  });

  it("shares presence among staff only, and hides the presence API from customers", async () => {
    const [agentCookie, supervisorCookie, aCookie] = [
      await loginAs(t.app, agent),
      await loginAs(t.app, supervisor),
      await loginAs(t.app, customerA),
    ];
    const number = (
      await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), { cookie: aCookie })
    ).json().number;
    const [supervisorStream, customerStream] = [await stream(supervisorCookie), await stream(aCookie)];
    const announce = (cookie: string, state: string) =>
      call(t.app, "POST", `/api/v1/tickets/${number}/presence`, { state }, { cookie });
    expect((await announce(agentCookie, "replying")).statusCode).toBe(204);
    const seen = await supervisorStream.next((m) => m.event === "presence" && m.data.ticketNumber === number);
    expect(seen.data).toMatchObject({ userId: agent.id, name: agent.name, state: "replying" });
    const list = await call(t.app, "GET", `/api/v1/tickets/${number}/presence`, undefined, {
      cookie: supervisorCookie,
    });
    expect(list.json().items).toEqual([expect.objectContaining({ userId: agent.id, state: "replying" })]);
    // One's own presence is not listed back.
    const own = await call(t.app, "GET", `/api/v1/tickets/${number}/presence`, undefined, {
      cookie: agentCookie,
    });
    expect(own.json().items).toEqual([]);
    // Forty seconds without news and the agent is gone.
    t.clock.advance(41_000);
    const later = await call(t.app, "GET", `/api/v1/tickets/${number}/presence`, undefined, {
      cookie: supervisorCookie,
    });
    expect(later.json().items).toEqual([]);

    expect((await announce(aCookie, "viewing")).statusCode).toBe(404);
    expect(
      (await call(t.app, "GET", `/api/v1/tickets/${number}/presence`, undefined, { cookie: aCookie }))
        .statusCode,
    ).toBe(404);
    expect((await announce(agentCookie, "dancing")).statusCode).toBe(400);
    expect(
      (
        await call(
          t.app,
          "POST",
          "/api/v1/tickets/999999/presence",
          { state: "viewing" },
          { cookie: agentCookie },
        )
      ).statusCode,
    ).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(customerStream.messages.map((m) => m.event)).not.toContain("presence");
  });

  it("ends a stream when its session ends", async () => {
    const cookie = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    const client = await stream(cookie);
    await call(t.app, "POST", "/api/v1/auth/logout", {}, { cookie });
    // The stream re-checks its session every minute; the test does not wait a minute, so it checks
    // that a signed-out cookie cannot open a new one.
    const again = await connectSse(`${origin}/api/v1/events`, cookie);
    open.push(again);
    expect(again.status).toBe(401);
    client.close();
  });
});
