// Presence as the console ticket page uses it: "viewing", then "replying", then "left" at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCatalog, makeCompany, makeTicket, makeUser } from "../../../../test/support/factories";

describe("ticket presence over a visit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await t.ctx.live.ready();
  });
  afterAll(() => t.close());

  it("shows a colleague viewing, then replying, and forgets them as soon as they leave", async () => {
    const catalog = await makeCatalog(t.ctx);
    const customer = await makeUser(t.ctx, "customer", { company: await makeCompany(t.ctx) });
    const number = await makeTicket(t.ctx, catalog, customer);
    const maria = await makeUser(t.ctx, "agent", { name: "Maria Souza" });
    const [mariaCookie, carlosCookie] = [
      await loginAs(t.app, maria),
      await loginAs(t.app, await makeUser(t.ctx, "supervisor")),
    ];
    const announce = (state: string) =>
      call(t.app, "POST", `/api/v1/tickets/${number}/presence`, { state }, { cookie: mariaCookie });
    const seenByCarlos = async () => {
      // The tracker learns announcements from the bus (NOTIFY on PostgreSQL): give it a moment.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const response = await call(t.app, "GET", `/api/v1/tickets/${number}/presence`, undefined, {
        cookie: carlosCookie,
      });
      return response.json().items.map((p: { name: string; state: string }) => [p.name, p.state]);
    };
    expect((await announce("viewing")).statusCode).toBe(204);
    expect(await seenByCarlos()).toEqual([["Maria Souza", "viewing"]]);
    t.clock.advance(15_000);
    await announce("replying");
    expect(await seenByCarlos()).toEqual([["Maria Souza", "replying"]]);
    // Refreshed every 15 s, she stays well past the 40 s a single announcement lasts.
    for (let i = 0; i < 3; i += 1) {
      t.clock.advance(15_000);
      await announce("replying");
    }
    expect(await seenByCarlos()).toEqual([["Maria Souza", "replying"]]);
    await announce("left");
    expect(await seenByCarlos()).toEqual([]);
  });
});
