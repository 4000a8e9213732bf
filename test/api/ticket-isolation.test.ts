// A customer of company A gets 404 for company B's tickets, messages and attachments, by number,
// by search, and through any list; the answers match those for tickets that do not exist.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, TEST_ORIGIN, type TestApp } from "../support/app";
import { type Catalog, loginAs, makeCatalog, makeCompany, makeTicket, makeUser } from "../support/factories";

describe("tickets across companies", () => {
  let t: TestApp;
  let catalog: Catalog;
  let ticketB: number;
  let attachmentB: string;
  let customerA: string;
  let adminA: string;
  const MISSING_NUMBER = 999_999;
  const MISSING_ATTACHMENT = "A".repeat(43);
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const a = await makeCompany(t.ctx);
    const b = await makeCompany(t.ctx);
    const userB = await makeUser(t.ctx, "customer", { company: b });
    const cookieB = await loginAs(t.app, userB);
    const boundary = "b0undary";
    const upload = await t.app.inject({
      method: "POST",
      url: "/api/v1/attachments",
      headers: {
        host: "extranet.test",
        origin: TEST_ORIGIN,
        cookie: cookieB,
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="segredo.txt"\r\n\r\nsegredo zyxwv da empresa B\r\n--${boundary}--\r\n`,
    });
    attachmentB = upload.json().id;
    ticketB = await makeTicket(t.ctx, catalog, userB, {
      subject: "Segredo da empresa B zyxwv",
      exampleRecord: "pedido 77777",
      attachmentIds: [attachmentB],
    });
    customerA = await loginAs(t.app, await makeUser(t.ctx, "customer", { company: a }));
    adminA = await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company: a }));
    await makeTicket(t.ctx, catalog, await makeUser(t.ctx, "customer", { company: a }), {
      subject: "Chamado da empresa A",
    });
  });
  afterAll(() => t.close());

  const routes = (number: number, attachment: string) =>
    [
      ["GET", `/api/v1/tickets/${number}`, undefined],
      ["POST", `/api/v1/tickets/${number}/messages`, { body: "Olá?" }],
      ["PATCH", `/api/v1/tickets/${number}`, { version: 1, status: "resolved" }],
      ["GET", `/api/v1/attachments/${attachment}`, undefined],
    ] as const;

  for (const who of ["customerA", "adminA"] as const) {
    it(`${who} gets 404 for company B's ticket, exactly as for a missing one`, async () => {
      const cookie = who === "customerA" ? customerA : adminA;
      const real = routes(ticketB, attachmentB);
      const missing = routes(MISSING_NUMBER, MISSING_ATTACHMENT);
      for (const [i, [method, url, body]] of real.entries()) {
        const answer = await call(t.app, method, url, body, { cookie });
        const control = missing[i];
        if (!control) throw new Error("route tables out of step");
        const expected = await call(t.app, control[0], control[1], control[2], { cookie });
        expect(answer.statusCode, `${method} ${url}`).toBe(404);
        expect(answer.body.replace(String(ticketB), "N"), `${method} ${url}`).toBe(
          expected.body.replace(String(MISSING_NUMBER), "N"),
        );
      }
    });
  }

  it("no list or search reveals company B's ticket", async () => {
    const queries: Record<string, string>[] = [
      {},
      { q: "zyxwv" },
      { q: String(ticketB) },
      { q: `#${ticketB}` },
      { q: "77777" },
      { status: "open" },
    ];
    for (const query of queries) {
      const list = await call(t.app, "GET", "/api/v1/tickets", undefined, { cookie: customerA, query });
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain("zyxwv");
      expect(list.json().items.map((i: { number: number }) => i.number)).not.toContain(ticketB);
    }
    const companyB = (
      await t.ctx.db
        .selectFrom("ticket")
        .select("company_id")
        .where("number", "=", ticketB)
        .executeTakeFirstOrThrow()
    ).company_id;
    const filtered = await call(t.app, "GET", "/api/v1/tickets", undefined, {
      cookie: customerA,
      query: { companyId: companyB },
    });
    expect(filtered.json().items).toEqual([]);
  });

  it("company B's ticket is untouched", async () => {
    const row = await t.ctx.db
      .selectFrom("ticket")
      .selectAll()
      .where("number", "=", ticketB)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "open", version: 1 });
    const events = await t.ctx.db
      .selectFrom("ticket_event")
      .select("type")
      .where("ticket_id", "=", row.id)
      .execute();
    expect(events.map((e) => e.type)).toEqual(["opened"]);
    expect(fs.existsSync(t.ctx.config.attachmentsDir)).toBe(true);
  });
});
