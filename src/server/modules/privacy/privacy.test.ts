// LGPD: an admin exports a person's data (a zip of JSON and files) and anonymizes the person — name,
// e-mail and sign-ins removed from the profile, ticket texts, history, audit details and search;
// tickets stay with the company; sessions end; never the last admin. Admins only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { PNG, uploadFile } from "../../../../test/support/console";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
  ticketBody,
} from "../../../../test/support/factories";
import { readZip } from "../../../../test/support/zip";

describe("personal data (LGPD)", () => {
  let t: TestApp;
  let catalog: Catalog;
  let marta: MadeUser;
  let martaCookie = "";
  let number = 0;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    for (const role of ["admin", "supervisor", "agent"] as const)
      cookies[role] = await loginAs(t.app, await makeUser(t.ctx, role));
    cookies.customer_admin = await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company }));
    cookies.customer = await loginAs(
      t.app,
      await makeUser(t.ctx, "customer", { company: await makeCompany(t.ctx) }),
    );
    marta = await makeUser(t.ctx, "customer", {
      company,
      name: "Marta Quintanilha",
      email: "marta.quintanilha@distribuidora.com.br",
    });
    martaCookie = await loginAs(t.app, marta);
    const file = await uploadFile(t, martaCookie, "extrato.png");
    const opened = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      {
        ...ticketBody(catalog, {
          subject: "Saldo do fluxo de caixa diverge",
          description:
            "Sou a Marta Quintanilha, do financeiro: o saldo de novembro não bate. Respostas para marta.quintanilha@distribuidora.com.br.",
        }),
        attachmentIds: [file],
      },
      { cookie: martaCookie },
    );
    expect(opened.statusCode, opened.body).toBe(201);
    number = opened.json().number;
    const reply = await call(
      t.app,
      "POST",
      `/api/v1/tickets/${number}/messages`,
      { body: "Olá Marta Quintanilha, pode enviar o extrato de novembro?" },
      { cookie: cookies.agent },
    );
    expect(reply.statusCode, reply.body).toBe(201);
    const answer = await call(
      t.app,
      "POST",
      `/api/v1/tickets/${number}/messages`,
      { body: "Segue o extrato. Marta Quintanilha" },
      { cookie: martaCookie },
    );
    expect(answer.statusCode, answer.body).toBe(201);
  });
  afterAll(() => t.close());

  const privacy = (userId: string, cookie = cookies.admin) =>
    call(t.app, "GET", `/api/v1/users/${userId}/privacy`, undefined, { cookie });
  const exportOf = (userId: string, cookie = cookies.admin) =>
    call(t.app, "GET", `/api/v1/users/${userId}/export`, undefined, { cookie });
  const anonymize = (userId: string, cookie = cookies.admin) =>
    call(t.app, "POST", `/api/v1/users/${userId}/anonymize`, undefined, { cookie });
  const search = (q: string) =>
    call(t.app, "GET", "/api/v1/tickets", undefined, { cookie: cookies.customer_admin, query: { q } });
  /** The console's text filter over the open tickets. */
  const consoleSearch = async (q: string) => {
    const response = await call(t.app, "GET", "/api/v1/console/queue", undefined, {
      cookie: cookies.agent,
      query: { view: "open", q },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items.map((item: { number: number }) => item.number);
  };

  it("is the admins': the rest of the team 403, customers 404, nobody signed in 401", async () => {
    for (const [role, status] of [
      ["supervisor", 403],
      ["agent", 403],
      ["customer_admin", 404],
      ["customer", 404],
    ] as const) {
      expect((await privacy(marta.id, cookies[role])).statusCode, role).toBe(status);
      expect((await exportOf(marta.id, cookies[role])).statusCode, role).toBe(status);
      expect((await anonymize(marta.id, cookies[role])).statusCode, role).toBe(status);
    }
    expect((await privacy(marta.id, "")).statusCode).toBe(401);
    expect((await exportOf(marta.id, "")).statusCode).toBe(401);
    expect((await anonymize(marta.id, "")).statusCode).toBe(401);
    expect((await privacy(marta.id)).json()).toMatchObject({
      name: "Marta Quintanilha",
      ticketsOpened: 1,
      messages: 1,
      attachments: 1,
      anonymizedAt: null,
    });
  });

  it("refuses a malformed id field by field and answers 404 to an unknown one", async () => {
    const bad = await anonymize("fulano");
    expect([bad.statusCode, Object.keys(bad.json().error.fields ?? {})]).toEqual([400, ["userId"]]);
    expect((await exportOf("fulano")).statusCode).toBe(400);
    const unknown = "0190a0a0-0000-7000-8000-000000000000";
    expect((await privacy(unknown)).statusCode).toBe(404);
    expect((await exportOf(unknown)).statusCode).toBe(404);
    expect((await anonymize(unknown)).statusCode).toBe(404);
  });

  it("exports the person's data as a zip of JSON and files, audited", async () => {
    const response = await exportOf(marta.id);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="dados-pessoais-${marta.id}.zip"`,
    );
    const zip = readZip(response.rawPayload);
    const read = (name: string) => JSON.parse(zip.get(name)?.toString("utf8") ?? "null");
    expect(read("perfil.json")).toMatchObject({
      name: "Marta Quintanilha",
      email: marta.email,
      role: "customer",
    });
    expect(read("ocorrencias.json")).toEqual([
      expect.objectContaining({ number, subject: "Saldo do fluxo de caixa diverge" }),
    ]);
    expect(read("mensagens.json").map((m: { body: string }) => m.body)).toEqual([
      "Segue o extrato. Marta Quintanilha",
    ]);
    expect(read("acessos.json").sessions).toHaveLength(1);
    const [attachment] = read("anexos.json");
    expect(attachment).toMatchObject({ filename: "extrato.png", ticketNumber: number });
    expect(zip.get(attachment.file)).toEqual(PNG);
    const audit = (
      await call(t.app, "GET", "/api/v1/audit", undefined, { cookie: cookies.admin, query: { kind: "user" } })
    ).json();
    expect(audit.items[0]).toMatchObject({ action: "user.data_exported", target: { id: marta.id } });
  });

  it("anonymizes the person everywhere, search included; tickets stay; sessions end", async () => {
    expect((await search("Quintanilha")).json().items.map((i: { number: number }) => i.number)).toEqual([
      number,
    ]);
    expect(await consoleSearch("Quintanilha")).toEqual([number]);
    const mailsBefore = await t.ctx.db.selectFrom("outbox_message").select("to_address").execute();
    expect(mailsBefore.map((m) => m.to_address)).toContain(marta.email);
    const done = await anonymize(marta.id);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ name: "Titular anonimizado", ticketsOpened: 1 });
    expect(done.json().email).not.toContain("marta");

    // Search no longer finds the old name; the ticket is still the company's.
    expect((await search("Quintanilha")).json().items).toEqual([]);
    expect((await search("Marta")).json().items).toEqual([]);
    expect(await consoleSearch("Quintanilha")).toEqual([]);
    expect((await search("fluxo de caixa")).json().items.map((i: { number: number }) => i.number)).toEqual([
      number,
    ]);
    const ticket = (
      await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie: cookies.customer_admin })
    ).json();
    expect(ticket.requester.name).toBe("Titular anonimizado");
    const text = JSON.stringify(ticket);
    expect(text).not.toMatch(/Quintanilha|marta\.quintanilha/i);
    expect(ticket.description).toContain("Sou a Titular anonimizado");

    // Every row: profile, history, audit details.
    const rows = await t.ctx.db.selectFrom("ticket_event").select(["body", "body_html"]).execute();
    expect(JSON.stringify(rows)).not.toMatch(/Quintanilha/i);
    const audit = await t.ctx.db.selectFrom("audit_log").select(["details"]).execute();
    expect(JSON.stringify(audit)).not.toMatch(/Quintanilha|marta\.quintanilha/i);
    const terms = await t.ctx.db
      .selectFrom("ticket")
      .select("search_terms")
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
    expect(terms.search_terms.split(" ")).not.toContain("quintanilh");
    // The outbox keeps no e-mail to her, and no other e-mail names her.
    const mails = await t.ctx.db
      .selectFrom("outbox_message")
      .select(["to_address", "subject", "text_body", "html_body"])
      .execute();
    expect(JSON.stringify(mails)).not.toMatch(/Quintanilha|marta\.quintanilha/i);

    // Sessions ended and she can no longer sign in.
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie: martaCookie })).statusCode).toBe(401);
    const login = await call(t.app, "POST", "/api/v1/auth/login", {
      email: marta.email,
      password: marta.password,
    });
    expect(login.statusCode).toBe(401);
    expect(
      await t.ctx.db.selectFrom("session").select("id").where("user_id", "=", marta.id).execute(),
    ).toEqual([]);

    const trail = await call(t.app, "GET", "/api/v1/audit", undefined, {
      cookie: cookies.admin,
      query: { kind: "user" },
    });
    expect(trail.statusCode, trail.body).toBe(200);
    const entry = trail.json().items[0];
    expect(entry).toMatchObject({
      action: "user.anonymized",
      target: { id: marta.id, label: "Titular anonimizado" },
    });
    const again = await anonymize(marta.id);
    expect([again.statusCode, again.json().error.code]).toEqual([409, "privacy.already_anonymized"]);
  });

  it("takes the first name standing alone from the texts of the person's tickets, accents aside", async () => {
    const company = await makeCompany(t.ctx);
    const agent = await makeUser(t.ctx, "agent");
    const agentCookie = await loginAs(t.app, agent);
    const marcia = await makeUser(t.ctx, "customer", {
      company,
      name: "Márcia Alves",
      email: "m.alves@fiscal.com.br",
    });
    const marciaCookie = await loginAs(t.app, marcia);
    const colleagueCookie = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));
    const strangerCookie = await loginAs(
      t.app,
      await makeUser(t.ctx, "customer", { company: await makeCompany(t.ctx) }),
    );
    const open = async (cookie: string, description: string) => {
      const opened = await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog, { description }), {
        cookie,
      });
      expect(opened.statusCode, opened.body).toBe(201);
      return opened.json().number as number;
    };
    const write = async (ticketNumber: number, cookie: string, body: string) => {
      const sent = await call(
        t.app,
        "POST",
        `/api/v1/tickets/${ticketNumber}/messages`,
        { body },
        { cookie },
      );
      expect(sent.statusCode, sent.body).toBe(201);
    };
    // Her ticket, assigned, so that her answer is e-mailed to the agent.
    const hers = await open(marciaCookie, "Bom dia, aqui é a Márcia do fiscal: a NF-e 1234 não transmite.");
    const assigned = await call(
      t.app,
      "PATCH",
      `/api/v1/tickets/${hers}`,
      { version: 1, assigneeId: agent.id },
      { cookie: cookies.supervisor },
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    await write(hers, agentCookie, "Olá, Marcia! Pode mandar o XML? Se preferir, fale com o Marciano.");
    await write(hers, marciaCookie, "Segue o XML. Obrigada, MÁRCIA");
    // A colleague's ticket she wrote in, and another company's, whose Márcia is someone else.
    const colleagues = await open(colleagueCookie, "O boleto não registra no banco.");
    await write(colleagues, marciaCookie, "Aqui também acontece.");
    await write(colleagues, agentCookie, "Obrigado, Márcia, vamos verificar.");
    const strangers = await open(strangerCookie, "A Márcia da transportadora ligou sobre o frete.");

    expect((await anonymize(marcia.id)).statusCode).toBe(200);

    const textsOf = async (ticketNumber: number) => {
      const ticket = await t.ctx.db
        .selectFrom("ticket")
        .select(["id", "description", "description_html"])
        .where("number", "=", ticketNumber)
        .executeTakeFirstOrThrow();
      const history = await t.ctx.db
        .selectFrom("ticket_event")
        .select(["body", "body_html"])
        .where("ticket_id", "=", ticket.id)
        .where("body", "is not", null)
        .orderBy("id")
        .execute();
      const mails = await t.ctx.db
        .selectFrom("outbox_message")
        .select(["subject", "text_body", "html_body"])
        .where("ticket_id", "=", ticket.id)
        .execute();
      return { ticket, history, mails };
    };
    const mine = await textsOf(hers);
    expect(mine.ticket.description).toBe(
      "Bom dia, aqui é a Titular anonimizado do fiscal: a NF-e 1234 não transmite.",
    );
    expect(mine.ticket.description_html).toContain("Titular anonimizado do fiscal");
    expect(mine.history.map((event) => event.body)).toEqual(
      expect.arrayContaining([
        "Olá, Titular anonimizado! Pode mandar o XML? Se preferir, fale com o Marciano.",
        "Segue o XML. Obrigada, Titular anonimizado",
      ]),
    );
    // The agent's e-mail quoting her answer is rewritten too.
    expect(mine.mails.map((mail) => mail.text_body).join("\n")).toContain("Obrigada, Titular anonimizado");
    expect(JSON.stringify(mine)).not.toMatch(/M[aá]rcia\b/i);

    const colleaguesTexts = await textsOf(colleagues);
    expect(colleaguesTexts.history.map((event) => event.body)).toContain(
      "Obrigado, Titular anonimizado, vamos verificar.",
    );
    expect((await textsOf(strangers)).ticket.description).toBe(
      "A Márcia da transportadora ligou sobre o frete.",
    );
  });

  it("rewrites every ticket an agent wrote in, however many (a few hundred at a time)", async () => {
    const agent = await makeUser(t.ctx, "agent", { name: "Caio Prado", email: "caio.prado@uno.com.br" });
    const agentCookie = await loginAs(t.app, agent);
    const customer = await makeUser(t.ctx, "customer", { company: await makeCompany(t.ctx) });
    const numbers: number[] = [];
    for (let i = 0; i < 205; i++) {
      const ticketNumber = await makeTicket(t.ctx, catalog, customer, { subject: `Remessa ${i} rejeitada` });
      const sent = await call(
        t.app,
        "POST",
        `/api/v1/tickets/${ticketNumber}/messages`,
        { body: `Bom dia! Aqui é o Caio, do suporte: a remessa ${i} foi reenviada.` },
        { cookie: agentCookie },
      );
      expect(sent.statusCode, sent.body).toBe(201);
      numbers.push(ticketNumber);
    }
    expect((await anonymize(agent.id)).statusCode).toBe(200);
    const bodies = await t.ctx.db
      .selectFrom("ticket_event")
      .innerJoin("ticket", "ticket.id", "ticket_event.ticket_id")
      .select(["ticket.number", "ticket_event.body"])
      .where("ticket.number", "in", numbers)
      .where("ticket_event.body", "is not", null)
      .execute();
    expect(bodies).toHaveLength(205);
    for (const { number: ticketNumber, body } of bodies) {
      expect(body).toBe(
        `Bom dia! Aqui é o Titular anonimizado, do suporte: a remessa ${numbers.indexOf(ticketNumber)} foi reenviada.`,
      );
    }
  }, 60_000);

  it("anonymizes a staff member in the history's field values (assignment) and mentions", async () => {
    const agent = await makeUser(t.ctx, "agent", {
      name: "Otávio Brandão",
      email: "otavio.brandao@uno.com.br",
    });
    const colleague = await makeUser(t.ctx, "customer", { company: await makeCompany(t.ctx) });
    const opened = await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), {
      cookie: await loginAs(t.app, colleague),
    });
    const ticketNumber = opened.json().number as number;
    const assigned = await call(
      t.app,
      "PATCH",
      `/api/v1/tickets/${ticketNumber}`,
      { version: 1, assigneeId: agent.id },
      { cookie: cookies.supervisor },
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    const note = await call(
      t.app,
      "POST",
      `/api/v1/tickets/${ticketNumber}/messages`,
      { body: "@otavio.brandao pode olhar?", internal: true },
      { cookie: cookies.supervisor },
    );
    expect(note.statusCode, note.body).toBe(201);
    expect((await anonymize(agent.id)).statusCode).toBe(200);
    const history = await t.ctx.db
      .selectFrom("ticket_event")
      .innerJoin("ticket", "ticket.id", "ticket_event.ticket_id")
      .select(["ticket_event.to_value", "ticket_event.body"])
      .where("ticket.number", "=", ticketNumber)
      .execute();
    expect(history.map((event) => event.to_value)).toContain("Titular anonimizado");
    expect(history.map((event) => event.body)).toContain("@titular pode olhar?");
    expect(JSON.stringify(history)).not.toMatch(/Otávio|Brandão|otavio/i);
  });

  it("refuses to anonymize the last active admin", async () => {
    const first = await makeUser(t.ctx, "admin");
    const second = await makeUser(t.ctx, "admin");
    const firstCookie = await loginAs(t.app, first);
    // Three admins: the test's, first, second. Two go; the last one stays.
    expect((await anonymize(second.id, firstCookie)).statusCode).toBe(200);
    const admins = await t.ctx.db
      .selectFrom("app_user")
      .select("id")
      .where("role", "=", "admin")
      .where("active", "=", 1)
      .execute();
    const last = admins.find((admin) => admin.id !== first.id);
    expect(last).toBeDefined();
    expect((await anonymize(last?.id ?? "", firstCookie)).statusCode).toBe(200);
    const refused = await anonymize(first.id, firstCookie);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, "privacy.last_admin"]);
    expect(refused.json().error.message).toContain("último administrador");
  });
});
