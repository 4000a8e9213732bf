// /api/v1/console/canned-responses: personal and shared replies, who may do what, and placeholders.
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
import { demoCalendar, demoPlans } from "../../seed/content/plans";
import { createCalendar } from "../plans/calendars";
import { createPlan } from "../plans/plans";

const BASE = "/api/v1/console/canned-responses";
const meta = { actorId: null, ip: null, origin: "http://extranet.test" };

describe("canned responses", () => {
  let t: TestApp;
  let catalog: Catalog;
  let customerUser: MadeUser;
  let agent: MadeUser;
  let cookies: {
    agent: string;
    colleague: string;
    supervisor: string;
    admin: string;
    english: string;
    customer: string;
    customerAdmin: string;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const calendar = await createCalendar(t.ctx, meta, demoCalendar);
    const profissional = demoPlans.find((plan) => plan.name === "Profissional");
    if (!profissional) throw new Error("the demo plans changed");
    const plan = await createPlan(t.ctx, meta, { ...profissional, calendarId: calendar.id });
    const company = await makeCompany(t.ctx, { name: "Distribuidora Paulista de Alimentos Ltda" });
    await t.ctx.db.updateTable("company").set({ plan_id: plan.id }).where("id", "=", company.id).execute();
    customerUser = await makeUser(t.ctx, "customer", { company, name: "Fernanda Lima" });
    agent = await makeUser(t.ctx, "agent", { name: "Juliana Prado" });
    cookies = {
      agent: await loginAs(t.app, agent),
      colleague: await loginAs(t.app, await makeUser(t.ctx, "agent", { name: "Marcos Teixeira" })),
      supervisor: await loginAs(t.app, await makeUser(t.ctx, "supervisor")),
      admin: await loginAs(t.app, await makeUser(t.ctx, "admin")),
      english: await loginAs(t.app, await makeUser(t.ctx, "agent", { locale: "en" })),
      customer: await loginAs(t.app, customerUser),
      customerAdmin: await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company })),
    };
  });
  afterAll(() => t.close());

  const create = (cookie: string, body: Record<string, unknown>) =>
    call(t.app, "POST", BASE, body, { cookie });
  const list = async (cookie: string, query?: Record<string, string>) =>
    (await call(t.app, "GET", BASE, undefined, { cookie, ...(query && { query }) })).json();
  const titles = async (cookie: string, query?: Record<string, string>) =>
    (await list(cookie, query)).items.map((i: { title: string }) => i.title);

  it("keeps personal replies to their owner and shares the team's with everyone on it", async () => {
    const mine = await create(cookies.agent, { title: "Minha saudação", body: "Olá, {cliente}!" });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ title: "Minha saudação", shared: false, editable: true });
    const shared = await create(cookies.supervisor, {
      title: "Encerramento",
      body: "Estamos finalizando a ocorrência {ocorrencia}.",
      shared: true,
    });
    expect(shared.statusCode).toBe(201);
    await create(cookies.colleague, { title: "Do Marcos", body: "Só meu." });

    expect(await titles(cookies.agent)).toEqual(["Encerramento", "Minha saudação"]);
    expect(await titles(cookies.colleague)).toEqual(["Do Marcos", "Encerramento"]);
    const asAgent = await list(cookies.agent);
    expect(asAgent.canShare).toBe(false);
    expect(asAgent.items[0]).toMatchObject({ title: "Encerramento", shared: true, editable: false });
    const asSupervisor = await list(cookies.supervisor);
    expect(asSupervisor.canShare).toBe(true);
    expect(asSupervisor.items).toEqual([expect.objectContaining({ title: "Encerramento", editable: true })]);

    const audit = await t.ctx.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("target_id", "=", mine.json().id)
      .execute();
    expect(audit).toEqual([{ action: "canned_response.created", actor_id: agent.id }]);
  });

  it("lets agents change and delete their own, supervisors and admins the shared ones; another's is missing", async () => {
    const mine = (await create(cookies.agent, { title: "Rascunho", body: "Texto" })).json();
    const shared = (
      await create(cookies.admin, { title: "Solicitar exemplo", body: "Envie um exemplo.", shared: true })
    ).json();
    const put = (cookie: string, id: string, body: Record<string, unknown>) =>
      call(t.app, "PUT", `${BASE}/${id}`, body, { cookie });
    const del = (cookie: string, id: string) => call(t.app, "DELETE", `${BASE}/${id}`, undefined, { cookie });

    // An agent may not create, change or delete a shared one.
    expect((await create(cookies.agent, { title: "Nova", body: "x", shared: true })).statusCode).toBe(403);
    expect((await put(cookies.agent, shared.id, { title: "Mudei", body: "x" })).statusCode).toBe(403);
    expect((await del(cookies.agent, shared.id)).statusCode).toBe(403);
    // Another person's personal reply does not exist for anyone else, supervisors included.
    for (const cookie of [cookies.colleague, cookies.supervisor, cookies.admin]) {
      expect((await put(cookie, mine.id, { title: "Mudei", body: "x" })).statusCode).toBe(404);
      expect((await del(cookie, mine.id)).statusCode).toBe(404);
      const render = await call(t.app, "POST", `${BASE}/${mine.id}/render`, { ticketNumber: 1 }, { cookie });
      expect(render.statusCode).toBe(404);
      expect(render.json().error.message).toBe("Resposta pronta não encontrada.");
    }

    t.clock.advance(60_000);
    const changed = await put(cookies.agent, mine.id, { title: "Rascunho final", body: "Texto final" });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      title: "Rascunho final",
      body: "Texto final",
      updatedAt: new Date(t.clock.now()).toISOString(),
    });
    const byLead = await put(cookies.supervisor, shared.id, {
      title: "Solicitar exemplo",
      body: "Envie o print.",
    });
    expect(byLead.json()).toMatchObject({ shared: true, body: "Envie o print." });
    expect((await del(cookies.agent, mine.id)).statusCode).toBe(204);
    expect((await del(cookies.agent, mine.id)).statusCode).toBe(404);
    expect((await del(cookies.supervisor, shared.id)).statusCode).toBe(204);
    expect(await titles(cookies.agent)).not.toContain("Solicitar exemplo");
    const actions = await t.ctx.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "in", [mine.id, shared.id])
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(
      [
        "canned_response.created",
        "canned_response.created",
        "canned_response.deleted",
        "canned_response.deleted",
        "canned_response.updated",
        "canned_response.updated",
      ].sort(),
    );
  });

  it("fills a ticket's values in the placeholders", async () => {
    t.clock.set("2026-04-22T13:00:00Z"); // a Wednesday, 10:00 in São Paulo
    const agentCookie = await loginAs(t.app, agent);
    const number = await makeTicket(t.ctx, catalog, customerUser, { priority: "normal" });
    const reply = (
      await create(agentCookie, {
        title: "Primeiro contato",
        body: "Olá, {cliente} ({empresa})! Recebemos a ocorrência {ocorrencia} no plano {plano}; prazo: {prazo}. {customer}/{ticket}/{due}. {atendente} Até logo, {nome}.",
      })
    ).json();
    const render = await call(
      t.app,
      "POST",
      `${BASE}/${reply.id}/render`,
      { ticketNumber: number },
      { cookie: agentCookie },
    );
    expect(render.statusCode).toBe(200);
    // Profissional, normal: first response within 4 business hours (08–12, 13–18), so 15:00 that day.
    expect(render.json()).toEqual({
      body: `Olá, Fernanda Lima (Distribuidora Paulista de Alimentos Ltda)! Recebemos a ocorrência ${number} no plano Profissional; prazo: 22/04/2026 15:00. Fernanda Lima/${number}/22/04/2026 15:00. {atendente} Até logo, Fernanda.`,
    });

    // A company without a plan: no plan, no deadline; those placeholders stay as written.
    const planless = await makeUser(t.ctx, "customer", { name: "Paulo Souza" });
    const other = await makeTicket(t.ctx, catalog, planless);
    const bare = await call(
      t.app,
      "POST",
      `${BASE}/${reply.id}/render`,
      { ticketNumber: other },
      { cookie: agentCookie },
    );
    expect(bare.json().body).toContain("no plano {plano}; prazo: {prazo}.");

    const unknown = await call(
      t.app,
      "POST",
      `${BASE}/${reply.id}/render`,
      { ticketNumber: 999_999 },
      { cookie: agentCookie },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ ticketNumber: "Ocorrência não encontrada." });
  });

  it("searches titles and texts, and pages by title", async () => {
    const cookie = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    for (const title of ["Consultoria — orçamento", "Acesso liberado", "Boleto 100%", "Cadastro_cliente"])
      await create(cookie, { title, body: `Texto sobre ${title.toLowerCase()}` });
    expect(await titles(cookie, { q: "ORÇAMENTO" })).toEqual(["Consultoria — orçamento"]);
    expect(await titles(cookie, { q: "100%" })).toEqual(["Boleto 100%"]);
    expect(await titles(cookie, { q: "o_c" })).toEqual(["Cadastro_cliente"]);
    expect(await titles(cookie, { q: "sobre acesso" })).toEqual(["Acesso liberado"]);
    const first = await list(cookie, { limit: "2" });
    const second = await list(cookie, { limit: "2", cursor: first.nextCursor });
    const third = await list(cookie, { limit: "2", cursor: second.nextCursor });
    const all = [...first.items, ...second.items, ...third.items].map((i: { title: string }) => i.title);
    expect(all).toEqual(await titles(cookie));
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(third.nextCursor).toBeNull();
  });

  it("refuses bad input per field in the caller's language", async () => {
    const fields = async (response: Awaited<ReturnType<typeof call>>) => {
      expect(response.statusCode).toBe(400);
      return response.json().error.fields;
    };
    expect(await fields(await create(cookies.agent, { title: "x", body: "" }))).toEqual({
      title: "Deve ter pelo menos 2 caracteres.",
      body: "Campo obrigatório.",
    });
    expect(
      await fields(await create(cookies.english, { title: "Ok title", body: "x", owner: "me" })),
    ).toEqual({
      owner: "Unknown field.",
    });
    expect(
      await fields(
        await call(t.app, "PUT", `${BASE}/123`, { title: "Ok", body: "x" }, { cookie: cookies.agent }),
      ),
    ).toEqual({
      id: "Identificador inválido.",
    });
    expect(
      await fields(
        await call(t.app, "GET", BASE, undefined, { cookie: cookies.agent, query: { cursor: "x" } }),
      ),
    ).toEqual({
      cursor: "Formato inválido.",
    });
  });

  it("answers customers 404 on every route, even with bad input, and the signed-out 401", async () => {
    const shared = (
      await create(cookies.supervisor, { title: "Para todos", body: "x", shared: true })
    ).json();
    const requests = [
      ["GET", BASE, undefined],
      ["GET", `${BASE}?limit=0`, undefined],
      ["POST", BASE, { title: "Minha", body: "x" }],
      ["POST", BASE, {}],
      ["PUT", `${BASE}/${shared.id}`, { title: "Mudei", body: "x" }],
      ["DELETE", `${BASE}/${shared.id}`, undefined],
      ["POST", `${BASE}/${shared.id}/render`, { ticketNumber: 1 }],
      ["GET", "/api/v1/console/staff", undefined],
    ] as const;
    for (const cookie of [cookies.customer, cookies.customerAdmin]) {
      for (const [method, url, body] of requests) {
        const response = await call(t.app, method, url, body, { cookie });
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    for (const [method, url, body] of requests)
      expect((await call(t.app, method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    expect(await titles(cookies.agent)).toContain("Para todos");
  });
});

describe("the OpenAPI description", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("documents the console's work routes and the stale ticket's 409", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/v1/console/canned-responses",
      "/api/v1/console/canned-responses/{id}",
      "/api/v1/console/canned-responses/{id}/render",
      "/api/v1/console/staff",
    ])
      expect(doc.paths, path).toHaveProperty([path]);
    const patch = doc.paths["/api/v1/tickets/{number}"].patch;
    const body = patch.requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining(["version", "categoryId", "screenCode", "assigneeId", "tags"]),
    );
    const conflict = patch.responses["409"].content["application/json"].schema;
    expect(Object.keys(conflict.properties.error.properties)).toEqual(
      expect.arrayContaining(["code", "message", "version", "changes"]),
    );
  });
});

describe("GET /api/v1/console/staff", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("lists the active support team by name, with the handle that mentions each", async () => {
    const juliana = await makeUser(t.ctx, "agent", {
      name: "Juliana Prado",
      email: "juliana.prado@uno.com.br",
    });
    const carlos = await makeUser(t.ctx, "supervisor", {
      name: "Carlos Menezes",
      email: "Carlos.Menezes@uno.com.br",
    });
    const gone = await makeUser(t.ctx, "agent", { name: "Ana Antiga" });
    await t.ctx.db.updateTable("app_user").set({ active: 0 }).where("id", "=", gone.id).execute();
    await makeUser(t.ctx, "customer", { name: "Bruno Cliente" });
    const response = await call(t.app, "GET", "/api/v1/console/staff", undefined, {
      cookie: await loginAs(t.app, juliana),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      { id: carlos.id, name: "Carlos Menezes", role: "supervisor", handle: "carlos.menezes" },
      { id: juliana.id, name: "Juliana Prado", role: "agent", handle: "juliana.prado" },
    ]);
  });
});
