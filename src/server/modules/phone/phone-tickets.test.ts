import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { makeCompanyWithPlan, uploadFile } from "../../../../test/support/console";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeUser,
  ticketBody,
} from "../../../../test/support/factories";
import { listAuditFor } from "../audit/repository";
import type { CompanyRow } from "../companies/repository";

// POST /api/v1/console/phone-tickets: an agent logs a call as a ticket of the customer's company.
describe("phone tickets", () => {
  let t: TestApp;
  let catalog: Catalog;
  let company: CompanyRow;
  let fernanda: MadeUser;
  let agent: string;
  let customer: string;
  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set("2026-04-22T10:00:00-03:00"); // a Wednesday, within business hours
    catalog = await makeCatalog(t.ctx);
    company = await makeCompanyWithPlan(t, "Distribuidora Paulista de Alimentos Ltda");
    fernanda = await makeUser(t.ctx, "customer", { company, name: "Fernanda Lima" });
    customer = await loginAs(t.app, fernanda);
    agent = await loginAs(t.app, await makeUser(t.ctx, "agent", { name: "Juliana Prado" }));
  });
  afterAll(() => t.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    ...ticketBody(catalog, { subject: "Não imprimiu a NF quando cliquei em Faturar!" }),
    requesterId: fernanda.id,
    durationMinutes: 12,
    ...overrides,
  });
  const logPhone = (cookie: string | undefined, payload: unknown) =>
    call(t.app, "POST", "/api/v1/console/phone-tickets", payload, { cookie });

  it("answers 401 signed out and 404 to customers, whoever the ticket would be for", async () => {
    expect((await logPhone(undefined, body())).statusCode).toBe(401);
    const refused = await logPhone(customer, body());
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe("not_found");
    const admin = await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company }));
    expect((await logPhone(admin, body())).statusCode).toBe(404);
    const list = await call(t.app, "GET", "/api/v1/tickets", undefined, { cookie: customer });
    expect(list.json().items).toEqual([]);
  });

  it("opens the ticket for the customer: channel phone, the agent in the history, the call's minutes", async () => {
    const response = await logPhone(agent, body());
    expect(response.statusCode).toBe(201);
    const ticket = response.json();
    expect(ticket).toMatchObject({
      channel: "phone",
      status: "open",
      companyId: company.id,
      requester: { id: fernanda.id, name: "Fernanda Lima", staff: false },
      mergedIntoNumber: null,
      links: [],
    });
    expect(ticket.events).toMatchObject([
      { type: "opened", actor: { name: "Juliana Prado", staff: true }, internal: false },
      { type: "call_logged", actor: { name: "Juliana Prado" }, internal: false, durationMinutes: 12 },
    ]);

    // Fernanda sees it in her company's list and reads the same public history.
    const list = await call(t.app, "GET", "/api/v1/tickets", undefined, { cookie: customer });
    expect(list.json().items.map((item: { number: number }) => item.number)).toContain(ticket.number);
    const seen = (
      await call(t.app, "GET", `/api/v1/tickets/${ticket.number}`, undefined, { cookie: customer })
    ).json();
    expect(seen.channel).toBe("phone");
    expect(seen.events.map((e: { type: string }) => e.type)).toEqual(["opened", "call_logged"]);
    expect(seen.abilities.reply).toBe(true);

    // The SLA clocks start as for any ticket: the first response is still owed.
    const firstResponse = seen.sla.deadlines.find((d: { metric: string }) => d.metric === "first_response");
    expect(firstResponse).toMatchObject({ state: "on_time", dueAt: "2026-04-22T18:00:00.000Z", metAt: null });

    const audit = await listAuditFor(t.ctx.db, "ticket", (await ticketRowId(ticket.number)) ?? "");
    expect(audit.map((row) => row.action)).toEqual(["ticket.phone_opened"]);
  });

  it("takes files the agent uploaded, and only those", async () => {
    const file = await uploadFile(t, agent, "print-da-tela.png");
    const response = await logPhone(agent, body({ attachmentIds: [file] }));
    expect(response.statusCode).toBe(201);
    expect(response.json().attachments.map((a: { id: string }) => a.id)).toEqual([file]);
    const seen = await call(t.app, "GET", `/api/v1/attachments/${file}`, undefined, { cookie: customer });
    expect(seen.statusCode).toBe(200);

    const customersFile = await uploadFile(t, customer, "do-cliente.png");
    const refused = await logPhone(agent, body({ attachmentIds: [customersFile] }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ attachmentIds: "Anexo não encontrado ou já usado." });
  });

  it("requires every field of the portal's form, plus who called and the call's minutes", async () => {
    const response = await logPhone(agent, {});
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      categoryId: "Campo obrigatório.",
      subject: "Campo obrigatório.",
      description: "Campo obrigatório.",
      screenCode: "Campo obrigatório.",
      exampleRecord: "Campo obrigatório.",
      priority: "Campo obrigatório.",
      requesterId: "Campo obrigatório.",
      durationMinutes: "Campo obrigatório.",
    });
    const fields = async (payload: unknown) => (await logPhone(agent, payload)).json().error.fields;
    expect(await fields(body({ durationMinutes: 0 }))).toEqual({ durationMinutes: "Deve ser no mínimo 1." });
    expect(await fields(body({ durationMinutes: 601 }))).toEqual({
      durationMinutes: "Deve ser no máximo 600.",
    });
    expect(await fields(body({ durationMinutes: 2.5 }))).toHaveProperty("durationMinutes");
    expect(await fields(body({ subject: "NF" }))).toEqual({ subject: "Deve ter pelo menos 5 caracteres." });
    expect(await fields(body({ screenCode: "XYZ9999" }))).toEqual({
      screenCode: "Tela não encontrada no catálogo.",
    });
    expect(await fields(body({ relatedTicketNumber: 1001 }))).toEqual({
      relatedTicketNumber: "Campo desconhecido.",
    });
  });

  it("opens only for an active customer user of an active company", async () => {
    const fields = async (requesterId: string) =>
      (await logPhone(agent, body({ requesterId }))).json().error.fields;
    const staff = await makeUser(t.ctx, "supervisor");
    expect(await fields(staff.id)).toEqual({ requesterId: "Usuário de cliente não encontrado." });
    expect(await fields("0195f3a4-1d2e-7000-8000-00000000abcd")).toEqual({
      requesterId: "Usuário de cliente não encontrado.",
    });

    const admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    const leaver = await makeUser(t.ctx, "customer", { company });
    await call(t.app, "PATCH", `/api/v1/users/${leaver.id}`, { active: false }, { cookie: admin });
    const inactive = "Usuário ou empresa inativos: reative-os antes de registrar a ligação.";
    expect(await fields(leaver.id)).toEqual({ requesterId: inactive });

    const closed = await makeCompany(t.ctx);
    const closedUser = await makeUser(t.ctx, "customer", { company: closed });
    await call(t.app, "PATCH", `/api/v1/companies/${closed.id}`, { active: false }, { cookie: admin });
    expect(await fields(closedUser.id)).toEqual({ requesterId: inactive });
  });

  it("any staff role may log a call; the history names who did", async () => {
    for (const role of ["supervisor", "admin"] as const) {
      const cookie = await loginAs(t.app, await makeUser(t.ctx, role, { name: `Equipe ${role}` }));
      const response = await logPhone(cookie, body());
      expect(response.statusCode).toBe(201);
      expect(response.json().events[0].actor.name).toBe(`Equipe ${role}`);
    }
  });

  it("documents the console's call, merge and link routes in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const operations = {
      "/api/v1/console/phone-tickets": "post",
      "/api/v1/tickets/{number}/calls": "post",
      "/api/v1/tickets/{number}/merge": "post",
      "/api/v1/tickets/{number}/links": "post",
      "/api/v1/tickets/{number}/links/{other}": "delete",
    };
    for (const [path, method] of Object.entries(operations)) {
      const operation = doc.paths[path]?.[method];
      expect(operation, path).toBeDefined();
      expect(operation.tags).toContain("console");
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["401", "404"]));
    }
    const phone =
      doc.paths["/api/v1/console/phone-tickets"].post.requestBody.content["application/json"].schema;
    expect(phone.required).toEqual(expect.arrayContaining(["requesterId", "durationMinutes", "screenCode"]));
    expect(phone.additionalProperties).toBe(false);
  });

  async function ticketRowId(number: number) {
    const row = await t.ctx.db
      .selectFrom("ticket")
      .select("id")
      .where("number", "=", number)
      .executeTakeFirst();
    return row?.id;
  }
});
