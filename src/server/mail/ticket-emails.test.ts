// The e-mails ticket commands write into the outbox, through the real routes, on both databases:
// who gets which, in their language, quoting what; never internal notes to customers, never to the
// author, never what the person turned off; nothing for a command that fails.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../test/support/app";
import { makeCompanyWithPlan } from "../../../test/support/console";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeTicket,
  makeUser,
  ticketBody,
} from "../../../test/support/factories";
import { sweepSla } from "../jobs/sla-sweeper";
import { parseReplyAddress, signatureMatches } from "./reply-address";

const SECRET = "segredo-de-teste-com-mais-de-32-caracteres";

describe("e-mails written by ticket commands", () => {
  let t: TestApp;
  let catalog: Catalog;
  let bruno: MadeUser;
  let fernanda: MadeUser;
  let john: MadeUser;
  let juliana: MadeUser;
  let marcos: MadeUser;
  let cookies: Record<"bruno" | "fernanda" | "juliana" | "marcos", string>;

  beforeAll(async () => {
    t = await buildTestApp({ env: { MAIL_REPLY_SECRET: SECRET, MAIL_REPLY_DOMAIN: "extranet.test" } });
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompanyWithPlan(t, "Distribuidora Paulista de Alimentos");
    bruno = await makeUser(t.ctx, "customer_admin", {
      company,
      name: "Bruno Carvalho",
      email: "bruno.carvalho@paulistaalimentos.com.br",
    });
    fernanda = await makeUser(t.ctx, "customer", {
      company,
      name: "Fernanda Lima",
      email: "fernanda.lima@paulistaalimentos.com.br",
    });
    john = await makeUser(t.ctx, "customer", {
      company,
      name: "John Miller",
      email: "john.miller@paulistaalimentos.com.br",
      locale: "en",
    });
    juliana = await makeUser(t.ctx, "agent", { name: "Juliana Prado", email: "juliana.prado@uno.com.br" });
    await makeUser(t.ctx, "supervisor", { name: "Carlos Menezes", email: "carlos.menezes@uno.com.br" });
    marcos = await makeUser(t.ctx, "agent", { name: "Marcos Teixeira", email: "marcos.teixeira@uno.com.br" });
    cookies = {
      bruno: await loginAs(t.app, bruno),
      fernanda: await loginAs(t.app, fernanda),
      juliana: await loginAs(t.app, juliana),
      marcos: await loginAs(t.app, marcos),
    };
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.ctx.db.deleteFrom("outbox_message").execute();
    await t.ctx.db.deleteFrom("email_opt_out").execute();
  });

  const outbox = () =>
    t.ctx.db.selectFrom("outbox_message").selectAll().orderBy("created_at").orderBy("id").execute();
  const patch = async (number: number, body: Record<string, unknown>, cookie = cookies.juliana) => {
    const ticket = await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie });
    const version = (ticket.json() as { version: number }).version;
    const res = await call(t.app, "PATCH", `/api/v1/tickets/${number}`, { version, ...body }, { cookie });
    expect(res.statusCode, res.body).toBe(200);
  };
  const say = async (cookie: string, number: number, body: Record<string, unknown>) => {
    const res = await call(t.app, "POST", `/api/v1/tickets/${number}/messages`, body, { cookie });
    expect(res.statusCode, res.body).toBe(201);
  };

  it("confirms a new ticket to whoever opened it, with its number, deadlines and link, in pt-BR", async () => {
    const res = await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), {
      cookie: cookies.fernanda,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { number } = res.json() as { number: number };

    const [mail, ...others] = await outbox();
    expect(others).toEqual([]);
    expect(mail).toMatchObject({
      purpose: "ticket_opened",
      to_address: "fernanda.lima@paulistaalimentos.com.br",
      recipient_id: fernanda.id,
      state: "queued",
      subject: `[#${number}] E-mail do contato não foi gravado — ocorrência registrada`,
    });
    expect(mail?.text_body).toContain("Olá, Fernanda.");
    expect(mail?.text_body).toContain(`http://extranet.test/portal/tickets/${number}`);
    expect(mail?.text_body).toMatch(/Primeira resposta: \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(mail?.html_body).toContain(`href="http://extranet.test/portal/tickets/${number}"`);
    expect(mail?.message_id).toMatch(/^<[0-9a-f-]+@extranet\.test>$/);
  });

  it("sends a public reply to the requester, quoted, with a signed reply address for that person", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    await t.ctx.db.deleteFrom("outbox_message").execute();

    await say(cookies.juliana, number, { body: "Bom dia, Fernanda. O campo **e-mail** voltou a gravar." });

    const [mail, ...others] = await outbox();
    expect(others).toEqual([]);
    expect(mail).toMatchObject({
      purpose: "ticket_reply",
      to_address: "fernanda.lima@paulistaalimentos.com.br",
    });
    expect(mail?.text_body).toContain("Juliana Prado escreveu:");
    expect(mail?.text_body).toContain("> Bom dia, Fernanda. O campo **e-mail** voltou a gravar.");
    expect(mail?.html_body).toContain("<strong>e-mail</strong>");
    const address = parseReplyAddress(mail?.reply_to ?? "", { local: "suporte", domain: "extranet.test" });
    expect(address?.ticketNumber).toBe(number);
    expect(signatureMatches(SECRET, number, fernanda.id, address?.signature ?? "")).toBe(true);
    expect(signatureMatches(SECRET, number, bruno.id, address?.signature ?? "")).toBe(false);
  });

  it("never sends an internal note to a customer; a mention e-mails the colleague named, quoting the note", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    await t.ctx.db.deleteFrom("outbox_message").execute();

    await say(cookies.juliana, number, {
      body: "@marcos.teixeira pode olhar o XML? Parece rejeição 539.",
      internal: true,
    });

    const mails = await outbox();
    expect(mails.map((m) => [m.purpose, m.to_address])).toEqual([
      ["staff_mentioned", "marcos.teixeira@uno.com.br"],
    ]);
    expect(mails[0]?.text_body).toContain("Parece rejeição 539.");
    expect(mails[0]?.text_body).toContain(`/console/tickets/${number}`);
  });

  it("tells the assignee of a customer's reply, and the new assignee of the assignment, never the author", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    await patch(number, { assigneeId: marcos.id });
    await say(cookies.fernanda, number, { body: "Segue o XML da nota 4512 em anexo." });
    // Marcos assigning the ticket to himself tells nobody.
    await patch(number, { assigneeId: juliana.id }, cookies.marcos);
    await patch(number, { assigneeId: marcos.id }, cookies.marcos);

    const mails = await outbox();
    expect(mails.map((m) => [m.purpose, m.to_address])).toEqual([
      ["ticket_opened", "fernanda.lima@paulistaalimentos.com.br"],
      ["staff_assigned", "marcos.teixeira@uno.com.br"],
      ["staff_customer_reply", "marcos.teixeira@uno.com.br"],
      ["staff_assigned", "juliana.prado@uno.com.br"],
    ]);
  });

  it("asks for the customer's answer and says when a ticket is finalizada, with the reopen window", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    await patch(number, { status: "waiting_customer" });
    await patch(number, { status: "resolved" });

    const mails = (await outbox()).filter((m) => m.purpose !== "ticket_opened");
    expect(mails.map((m) => m.purpose)).toEqual(["ticket_waiting_customer", "ticket_resolved"]);
    expect(mails[0]?.subject).toContain("aguardando você");
    expect(mails[1]?.text_body).toContain("basta responder em até 7 dias");
  });

  it("writes in the recipient's language", async () => {
    const number = await makeTicket(t.ctx, catalog, john);
    await say(cookies.juliana, number, { body: "Hello John, the field is saved again." });

    const reply = (await outbox()).find((m) => m.purpose === "ticket_reply");
    expect(reply?.subject).toContain("new reply from support");
    expect(reply?.text_body).toContain("Hello, John.");
    expect(reply?.text_body).toContain(`Ticket: #${number}`);
    expect(reply?.text_body).toMatch(/Status: (Open|In progress)/);
  });

  it("leaves out an optional e-mail the person turned off", async () => {
    await t.ctx.db
      .insertInto("email_opt_out")
      .values({ user_id: fernanda.id, topic: "ticket_updates" })
      .execute();
    const number = await makeTicket(t.ctx, catalog, fernanda);
    await say(cookies.juliana, number, { body: "Resolvido." });
    expect(await outbox()).toEqual([]);
  });

  it("writes nothing for a command that fails", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    await t.ctx.db.deleteFrom("outbox_message").execute();
    const res = await call(
      t.app,
      "PATCH",
      `/api/v1/tickets/${number}`,
      { version: 999, status: "resolved" },
      { cookie: cookies.juliana },
    );
    expect(res.statusCode).toBe(409);
    expect(await outbox()).toEqual([]);
  });

  it("does not e-mail a person no longer active", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    await t.ctx.db.deleteFrom("outbox_message").execute();
    await t.ctx.db.updateTable("app_user").set({ active: 0 }).where("id", "=", fernanda.id).execute();
    try {
      await say(cookies.juliana, number, { body: "Bom dia, Fernanda. Já está resolvido." });
      expect(await outbox()).toEqual([]);
    } finally {
      await t.ctx.db.updateTable("app_user").set({ active: 1 }).where("id", "=", fernanda.id).execute();
    }
  });

  it("warns the assignee and the supervisors of a deadline due soon, then breached, once each", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    await patch(number, { assigneeId: marcos.id });
    await t.ctx.db.deleteFrom("outbox_message").execute();
    const ticketId = (
      await t.ctx.db.selectFrom("ticket").select("id").where("number", "=", number).executeTakeFirstOrThrow()
    ).id;
    const sla = async () =>
      (
        await t.ctx.db
          .selectFrom("outbox_message")
          .select(["purpose", "to_address"])
          .where("ticket_id", "=", ticketId)
          .where("purpose", "in", ["staff_sla_warning", "staff_sla_breach"])
          .execute()
      )
        .map((m) => `${m.purpose} ${m.to_address}`)
        .sort();
    // The assignee, and every active supervisor and admin.
    const admins = await t.ctx.db
      .selectFrom("app_user")
      .select("email")
      .where("role", "=", "admin")
      .execute();
    const told = ["carlos.menezes@uno.com.br", "marcos.teixeira@uno.com.br", ...admins.map((a) => a.email)];
    const each = (purpose: string) => told.map((email) => `${purpose} ${email}`);
    const start = t.clock.now();
    try {
      const clock = await t.ctx.db
        .selectFrom("sla_clock")
        .innerJoin("ticket", "ticket.id", "sla_clock.ticket_id")
        .select(["sla_clock.warn_at", "sla_clock.due_at"])
        .where("ticket.number", "=", number)
        .where("sla_clock.metric", "=", "first_response")
        .executeTakeFirstOrThrow();
      t.clock.set(new Date((clock.warn_at ?? 0) + 60_000).toISOString());
      await sweepSla(t.ctx);
      await sweepSla(t.ctx);
      expect(await sla()).toEqual(each("staff_sla_warning").sort());
      t.clock.set(new Date((clock.due_at ?? 0) + 60_000).toISOString());
      await sweepSla(t.ctx);
      await sweepSla(t.ctx);
      expect(await sla()).toEqual([...each("staff_sla_breach"), ...each("staff_sla_warning")].sort());
      const breach = await t.ctx.db
        .selectFrom("outbox_message")
        .select(["subject", "text_body"])
        .where("purpose", "=", "staff_sla_breach")
        .where("to_address", "=", "marcos.teixeira@uno.com.br")
        .executeTakeFirstOrThrow();
      expect(breach.subject).toContain("prazo violado");
      expect(breach.text_body).toContain("O prazo de primeira resposta");
    } finally {
      t.clock.set(new Date(start).toISOString());
    }
  });
});

describe("MAIL_NOTIFICATIONS=off", () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it("writes no ticket e-mail, yet still e-mails a forgotten password's link", async () => {
    t = await buildTestApp({ env: { MAIL_NOTIFICATIONS: "off" } });
    const catalog = await makeCatalog(t.ctx);
    const company = await makeCompanyWithPlan(t, "Distribuidora Paulista de Alimentos");
    const fernanda = await makeUser(t.ctx, "customer", {
      company,
      email: "fernanda.lima@paulistaalimentos.com.br",
    });
    const agent = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    // Account e-mails (the invitations of the people just made) go whatever the switch says.
    await t.ctx.db.deleteFrom("outbox_message").execute();
    const opened = await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), {
      cookie: await loginAs(t.app, fernanda),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { number } = opened.json() as { number: number };
    const reply = await call(
      t.app,
      "POST",
      `/api/v1/tickets/${number}/messages`,
      { body: "Bom dia, Fernanda. Pode conferir agora?" },
      { cookie: agent },
    );
    expect(reply.statusCode, reply.body).toBe(201);
    const purposes = async () =>
      (await t.ctx.db.selectFrom("outbox_message").select("purpose").execute()).map((m) => m.purpose);
    expect(await purposes()).toEqual([]);

    const forgot = await call(t.app, "POST", "/api/v1/auth/forgot-password", { email: fernanda.email });
    expect(forgot.statusCode).toBe(202);
    expect(await purposes()).toEqual(["password_reset"]);
  });
});
