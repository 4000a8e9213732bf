// @mentions in internal notes: the colleagues named are notified once each (never customers, never
// the author), and the note shows them highlighted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
} from "../../../../test/support/factories";
import type { LiveEvent } from "../../events/bus";

describe("@mentions in internal notes", () => {
  let t: TestApp;
  let catalog: Catalog;
  let customerUser: MadeUser;
  let juliana: MadeUser;
  let marcos: MadeUser;
  let carlos: MadeUser;
  let retired: MadeUser;
  let cookies: { customer: string; juliana: string; marcos: string };
  const live: LiveEvent[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    customerUser = await makeUser(t.ctx, "customer", {
      company,
      name: "Fernanda Lima",
      email: "fernanda.lima@paulistaalimentos.com.br",
    });
    juliana = await makeUser(t.ctx, "agent", { name: "Juliana Prado", email: "juliana.prado@uno.com.br" });
    marcos = await makeUser(t.ctx, "agent", { name: "Marcos Teixeira", email: "marcos.teixeira@uno.com.br" });
    carlos = await makeUser(t.ctx, "supervisor", {
      name: "Carlos Menezes",
      email: "carlos.menezes@uno.com.br",
    });
    retired = await makeUser(t.ctx, "agent", { name: "Rita Antiga", email: "rita.antiga@uno.com.br" });
    await t.ctx.db.updateTable("app_user").set({ active: 0 }).where("id", "=", retired.id).execute();
    cookies = {
      customer: await loginAs(t.app, customerUser),
      juliana: await loginAs(t.app, juliana),
      marcos: await loginAs(t.app, marcos),
    };
    await t.ctx.live.ready();
    t.ctx.live.subscribe((event) => live.push(event));
  });
  afterAll(() => t.close());

  const say = (cookie: string, number: number, body: Record<string, unknown>) =>
    call(t.app, "POST", `/api/v1/tickets/${number}/messages`, body, { cookie });
  const mentionsOf = (number: number) =>
    t.ctx.db
      .selectFrom("notification")
      .innerJoin("ticket", "ticket.id", "notification.ticket_id")
      .select(["notification.recipient_id", "notification.type"])
      .where("ticket.number", "=", number)
      .orderBy("notification.recipient_id")
      .execute();
  const waitFor = async (count: number, match: (event: LiveEvent) => boolean) => {
    for (let i = 0; i < 100 && live.filter(match).length < count; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    return live.filter(match);
  };

  it("notifies each colleague named, once, by handle or by name; not the author, customers or the inactive", async () => {
    const number = await makeTicket(t.ctx, catalog, customerUser);
    const note = await say(cookies.juliana, number, {
      internal: true,
      body: [
        "@Marcos.Teixeira e @[carlos menezes], vejam o retorno da SEFAZ.",
        "Avisei a @[Fernanda Lima] por e-mail (fernanda.lima@paulistaalimentos.com.br).",
        "Depois falo com @rita.antiga, @fulano e @juliana.prado. De novo: @marcos.teixeira.",
        "Exemplo: `@carlos.menezes` não conta.",
      ].join("\n"),
    });
    expect(note.statusCode).toBe(201);
    const expected = [marcos.id, carlos.id].sort().map((id) => ({ recipient_id: id, type: "mention" }));
    expect(await mentionsOf(number)).toEqual(expected);
    // Marcos's bell names who mentioned him.
    const bell = await call(t.app, "GET", "/api/v1/notifications", undefined, { cookie: cookies.marcos });
    expect(bell.json().items[0]).toMatchObject({
      type: "mention",
      actorName: "Juliana Prado",
      ticket: { number },
    });

    const html: string = note.json().events.at(-1).bodyHtml;
    expect(html).toContain('<span class="mention">@Marcos.Teixeira</span>');
    expect(html).toContain('<span class="mention">@[carlos menezes]</span>');
    expect(html).toContain('<span class="mention">@juliana.prado</span>');
    // Not team members (or no longer): left as written. Nor inside code, nor an e-mail address.
    expect(html).toContain("@[Fernanda Lima]");
    expect(html).not.toContain('<span class="mention">@[Fernanda Lima]');
    expect(html).not.toContain('<span class="mention">@rita.antiga');
    expect(html).not.toContain('<span class="mention">@fulano');
    expect(html).toContain("<code>@carlos.menezes</code>");
    expect(html).toContain("fernanda.lima@paulistaalimentos.com.br");

    const bells = await waitFor(2, (e) => e.type === "notification" && e.data.ticketNumber === number);
    expect(
      bells.map((e) => e.audience).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual(
      [marcos.id, carlos.id]
        .map((userId) => ({ kind: "user", userId }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );

    // Marcos's bell lists it.
    const list = (
      await call(t.app, "GET", "/api/v1/notifications", undefined, { cookie: cookies.marcos })
    ).json();
    expect(list.items[0]).toMatchObject({ type: "mention", metric: null, ticket: { number } });
  });

  it("a public reply or a customer's message mentions nobody, and the customer never sees a note", async () => {
    const number = await makeTicket(t.ctx, catalog, customerUser);
    const reply = await say(cookies.juliana, number, { body: "Olá! @marcos.teixeira vai verificar." });
    expect(reply.json().events.at(-2).bodyHtml).not.toContain("mention");
    await say(cookies.customer, number, { body: "Obrigada, @marcos.teixeira e @[Juliana Prado]!" });
    // A customer cannot write a note at all.
    expect(
      (await say(cookies.customer, number, { body: "@[Juliana Prado]", internal: true })).statusCode,
    ).toBe(403);
    expect(await mentionsOf(number)).toEqual([]);

    await say(cookies.marcos, number, { body: "@juliana.prado confere o contrato xyzzy?", internal: true });
    expect(await mentionsOf(number)).toEqual([{ recipient_id: juliana.id, type: "mention" }]);
    const seen = await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, {
      cookie: cookies.customer,
    });
    expect(seen.body).not.toContain("xyzzy");
    expect(seen.body).not.toContain("mention");
  });
});
