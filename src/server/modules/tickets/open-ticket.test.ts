import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  type Catalog,
  loginAs,
  makeCatalog,
  makeCompany,
  makeUser,
  putOnProfessionalPlan,
  ticketBody,
} from "../../../../test/support/factories";
import { lastTicketNumber } from "../../../../test/support/ticket-numbers";
import { PNG, textOf, uploadFile } from "../../../../test/support/uploads";

describe("opening a ticket (“Abertura de ocorrência”)", () => {
  let t: TestApp;
  let catalog: Catalog;
  let customer: string;
  let agent: string;
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx, { name: "Distribuidora Paulista de Alimentos Ltda" });
    customer = await loginAs(t.app, await makeUser(t.ctx, "customer", { company, name: "Bruno Carvalho" }));
    agent = await loginAs(t.app, await makeUser(t.ctx, "agent"));
  });
  afterAll(() => t.close());

  it("opens with the seed's example: sequential number, status open, history started", async () => {
    const response = await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), { cookie: customer });
    expect(response.statusCode).toBe(201);
    const ticket = response.json();
    expect(ticket).toMatchObject({
      number: 1001,
      status: "open",
      priority: "normal",
      subject: "E-mail do contato não foi gravado",
      screenCode: "ATW0001",
      screenName: "Atendimento ao Cliente",
      categoryName: "Fiscal",
      companyName: "Distribuidora Paulista de Alimentos Ltda",
      exampleRecord: "cliente código 100",
      requester: { name: "Bruno Carvalho", staff: false },
      channel: "portal",
      kind: "support",
      version: 1,
      reopenUntil: null,
      abilities: { reply: true, addInternalNote: false, change: false, logTime: false, merge: false },
    });
    expect(ticket.descriptionHtml).toContain("<p>Cadastrei o cliente código 100");
    expect(ticket.events.map((e: { type: string }) => e.type)).toEqual(["opened"]);
    expect(ticket.events[0].actor).toMatchObject({ name: "Bruno Carvalho", staff: false });

    const next = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      ticketBody(catalog, { screenCode: "fis0001" }),
      { cookie: customer },
    );
    expect(next.json()).toMatchObject({ number: 1002, screenCode: "FIS0001" });
  });

  it("answers the page the ticket then has: what reading it back answers, files and related ticket included", async () => {
    // The answer is built from what the command wrote (no read after the commit): it must be the page.
    // A company on a plan, so that the page has deadlines.
    const company = await makeCompany(t.ctx, { name: "Metalúrgica Vale do Aço S.A.", state: "MG" });
    await putOnProfessionalPlan(t.ctx, company.id);
    const customer = await loginAs(
      t.app,
      await makeUser(t.ctx, "customer", { company, name: "Marina Souza" }),
    );
    const related = (
      await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), { cookie: customer })
    ).json().number;
    const files = [
      (await uploadFile(t.app, customer, "tela atw0001.png", PNG)).json().id,
      (await uploadFile(t.app, customer, "log.txt", textOf(2_000))).json().id,
    ];
    for (const body of [
      ticketBody(catalog, { priority: "urgent" }),
      { ...ticketBody(catalog, { priority: "low" }), relatedTicketNumber: related, attachmentIds: files },
    ]) {
      const opened = await call(t.app, "POST", "/api/v1/tickets", body, { cookie: customer });
      expect(opened.statusCode).toBe(201);
      const answer = opened.json();
      const page = await call(t.app, "GET", `/api/v1/tickets/${answer.number}`, undefined, {
        cookie: customer,
      });
      expect(answer).toEqual(page.json());
      // Not a vacuous equality: the plan's deadlines are running, and the fields are the ticket's.
      expect(answer.sla.deadlines.map((d: { metric: string }) => d.metric)).toEqual([
        "first_response",
        "resolution",
      ]);
      expect(answer.events).toHaveLength(1);
    }
    const last = (await call(t.app, "GET", "/api/v1/tickets", undefined, { cookie: customer })).json()
      .items[0];
    const withFiles = (
      await call(t.app, "GET", `/api/v1/tickets/${last.number}`, undefined, { cookie: customer })
    ).json();
    expect(withFiles.relatedTicketNumber).toBe(related);
    expect(withFiles.attachments.map((a: { id: string }) => a.id).sort()).toEqual([...files].sort());
  });

  it("answers a retry with the same Idempotency-Key with the ticket the first request opened", async () => {
    const options = { cookie: customer, headers: { "idempotency-key": "abertura-0001" } };
    const first = await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), options);
    const retry = await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), options);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(await lastTicketNumber(t.ctx.db)).toBe(first.json().number);
  });

  it("is at once in the support team's list", async () => {
    const opened = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      ticketBody(catalog, { subject: "Urgente: NF-e rejeitada" }),
      {
        cookie: customer,
      },
    );
    const list = await call(t.app, "GET", "/api/v1/tickets", undefined, { cookie: agent });
    expect(list.json().items[0]).toMatchObject({
      number: opened.json().number,
      subject: "Urgente: NF-e rejeitada",
    });
  });

  it("requires every field, naming each as the contract does, and saves nothing", async () => {
    const before = await t.ctx.db.selectFrom("ticket").select("id").execute();
    const response = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      { categoryId: catalog.categoryId },
      { cookie: customer },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      subject: "Campo obrigatório.",
      description: "Campo obrigatório.",
      screenCode: "Campo obrigatório.",
      exampleRecord: "Campo obrigatório.",
      priority: "Campo obrigatório.",
    });
    const blank = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      ticketBody(catalog, {
        subject: "   ",
        exampleRecord: "",
        priority: "máxima" as never,
        screenCode: "ATW01",
      }),
      { cookie: customer },
    );
    expect(blank.json().error.fields).toEqual({
      subject: "Deve ter pelo menos 5 caracteres.",
      exampleRecord: "Deve ter pelo menos 2 caracteres.",
      priority: "Use um destes valores: low, normal, high, urgent.",
      screenCode: "Código de tela inválido: três letras e quatro dígitos, como ATW0001.",
    });
    expect(await t.ctx.db.selectFrom("ticket").select("id").execute()).toEqual(before);
  });

  it("refuses an unknown screen or category without using up a number", async () => {
    const before = await lastTicketNumber(t.ctx.db);
    const screen = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      ticketBody(catalog, { screenCode: "ZZZ9999" }),
      { cookie: customer },
    );
    expect(screen.statusCode).toBe(400);
    expect(screen.json().error.fields).toEqual({ screenCode: "Tela não encontrada no catálogo." });
    const category = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      ticketBody(catalog, { categoryId: "0192f2a0-0000-7000-8000-000000000000" }),
      { cookie: customer },
    );
    expect(category.json().error.fields).toEqual({ categoryId: "Categoria não encontrada." });
    // Both unknown: the category is said first, as the form asks for it first.
    const both = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      ticketBody(catalog, { categoryId: "0192f2a0-0000-7000-8000-000000000000", screenCode: "ZZZ9999" }),
      { cookie: customer },
    );
    expect(both.json().error.fields).toEqual({ categoryId: "Categoria não encontrada." });
    // A category taken off the portal is no longer one to open tickets in.
    await t.ctx.db.updateTable("category").set({ active: 0 }).where("id", "=", catalog.categoryId).execute();
    try {
      const archived = await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), {
        cookie: customer,
      });
      expect(archived.json().error.fields).toEqual({ categoryId: "Categoria não encontrada." });
    } finally {
      await t.ctx.db
        .updateTable("category")
        .set({ active: 1 })
        .where("id", "=", catalog.categoryId)
        .execute();
    }
    expect(await lastTicketNumber(t.ctx.db)).toBe(before);
  });

  it("the support team does not open tickets through the portal form", async () => {
    const response = await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), { cookie: agent });
    expect(response.statusCode).toBe(403);
  });

  it("renders a stored-XSS attempt inert", async () => {
    const response = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      ticketBody(catalog, {
        description:
          'Veja <script>alert("x")</script> e [clique](javascript:alert(1)) <img src=x onerror=alert(1)>',
      }),
      { cookie: customer },
    );
    const html: string = response.json().descriptionHtml;
    expect(html).not.toMatch(/<script|<img|javascript:/i);
    expect(html).toContain("&lt;script&gt;");
  });
});
