// "Seguir esta ocorrência": who may follow (customers of the ticket's company; staff 403; another
// company 404), and that a follower's e-mails are the requester's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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

describe("/api/v1/tickets/:number/following", () => {
  let t: TestApp;
  let catalog: Catalog;
  let fernanda: MadeUser;
  let bruno: MadeUser;
  let cookies: Record<"fernanda" | "bruno" | "other" | "agent" | "admin", string>;

  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx, { name: "Distribuidora Paulista de Alimentos" });
    fernanda = await makeUser(t.ctx, "customer", {
      company,
      name: "Fernanda Lima",
      email: "fernanda.lima@paulistaalimentos.com.br",
    });
    bruno = await makeUser(t.ctx, "customer_admin", {
      company,
      name: "Bruno Carvalho",
      email: "bruno.carvalho@paulistaalimentos.com.br",
    });
    cookies = {
      fernanda: await loginAs(t.app, fernanda),
      bruno: await loginAs(t.app, bruno),
      other: await loginAs(t.app, await makeUser(t.ctx, "customer_admin")),
      agent: await loginAs(t.app, await makeUser(t.ctx, "agent", { name: "Juliana Prado" })),
      admin: await loginAs(t.app, await makeUser(t.ctx, "admin")),
    };
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.ctx.db.deleteFrom("outbox_message").execute();
  });

  const following = (number: number, cookie?: string) =>
    call(t.app, "GET", `/api/v1/tickets/${number}/following`, undefined, { cookie });
  const follow = (number: number, body: unknown, cookie?: string) =>
    call(t.app, "PUT", `/api/v1/tickets/${number}/following`, body, { cookie });

  it("is for the customers of the ticket's company; staff are refused, other companies learn nothing", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    expect((await following(number, cookies.fernanda)).json()).toEqual({
      following: true,
      isRequester: true,
    });
    expect((await following(number, cookies.bruno)).json()).toEqual({ following: false, isRequester: false });
    expect((await following(number, cookies.other)).statusCode).toBe(404);
    expect((await follow(number, { following: true }, cookies.other)).statusCode).toBe(404);
    expect((await following(number, cookies.agent)).statusCode).toBe(403);
    expect((await follow(number, { following: true }, cookies.admin)).statusCode).toBe(403);
    expect((await following(number)).statusCode).toBe(401);
    expect((await follow(number, { following: "sim" }, cookies.bruno)).statusCode).toBe(400);
    expect((await follow(999_999, { following: true }, cookies.bruno)).statusCode).toBe(404);
    // The requester cannot stop following what they opened.
    expect((await follow(number, { following: false }, cookies.fernanda)).json()).toEqual({
      following: true,
      isRequester: true,
    });
  });

  it("sends a follower what the requester gets, until they stop following", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    expect((await follow(number, { following: true }, cookies.bruno)).json()).toEqual({
      following: true,
      isRequester: false,
    });
    const reply = (body: string) =>
      call(t.app, "POST", `/api/v1/tickets/${number}/messages`, { body }, { cookie: cookies.agent });
    await t.ctx.db.deleteFrom("outbox_message").execute();

    expect((await reply("Bom dia. A nota foi reenviada à SEFAZ.")).statusCode).toBe(201);
    let mails = await t.ctx.db
      .selectFrom("outbox_message")
      .select(["purpose", "to_address"])
      .orderBy("to_address")
      .execute();
    expect(mails).toEqual([
      { purpose: "ticket_reply", to_address: bruno.email },
      { purpose: "ticket_reply", to_address: fernanda.email },
    ]);

    await follow(number, { following: false }, cookies.bruno);
    await t.ctx.db.deleteFrom("outbox_message").execute();
    expect((await reply("A SEFAZ autorizou a nota.")).statusCode).toBe(201);
    mails = await t.ctx.db.selectFrom("outbox_message").select(["purpose", "to_address"]).execute();
    expect(mails).toEqual([{ purpose: "ticket_reply", to_address: fernanda.email }]);
  });
});
