import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCompany, makeUser } from "../../../../test/support/factories";
import { listAuditFor } from "../audit/repository";

describe("/api/v1/console/views", () => {
  let t: TestApp;
  let cookies: Record<"agent" | "agent2" | "supervisor" | "admin" | "customer" | "customerAdmin", string>;
  let companyId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    const company = await makeCompany(t.ctx);
    companyId = company.id;
    cookies = {
      agent: await loginAs(t.app, await makeUser(t.ctx, "agent", { name: "Juliana Prado" })),
      agent2: await loginAs(t.app, await makeUser(t.ctx, "agent", { name: "Marcos Teixeira" })),
      supervisor: await loginAs(t.app, await makeUser(t.ctx, "supervisor", { name: "Carlos Menezes" })),
      admin: await loginAs(t.app, await makeUser(t.ctx, "admin", { name: "Renata Albuquerque" })),
      customer: await loginAs(t.app, await makeUser(t.ctx, "customer", { company })),
      customerAdmin: await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company })),
    };
  });
  afterAll(() => t.close());

  const list = async (cookie: string) => {
    const response = await call(t.app, "GET", "/api/v1/console/views", undefined, { cookie });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const save = (cookie: string, body: unknown) =>
    call(t.app, "POST", "/api/v1/console/views", body, { cookie });
  const names = async (cookie: string) => (await list(cookie)).items.map((v: { name: string }) => v.name);

  it("lets a supervisor save the current filters as a view shared with the team", async () => {
    const response = await save(cookies.supervisor, {
      name: "  Urgentes da Metalúrgica ",
      shared: true,
      filters: { view: "open", companyId, priority: "urgent", sort: "priority", assigneeId: "me" },
    });
    expect(response.statusCode, response.body).toBe(201);
    const view = response.json();
    expect(view).toEqual({
      id: expect.any(String),
      name: "Urgentes da Metalúrgica",
      shared: true,
      owner: { id: expect.any(String), name: "Carlos Menezes" },
      filters: { view: "open", companyId, priority: "urgent", sort: "priority", assigneeId: "me" },
      createdAt: "2026-04-22T13:00:00.000Z",
      canEdit: true,
    });
    const audit = await listAuditFor(t.ctx.db, "saved_view", view.id);
    expect(audit.map((entry) => entry.action)).toEqual(["saved_view.created"]);

    // Every staff member sees it; only supervisors and admins may change it.
    for (const cookie of [cookies.agent, cookies.agent2, cookies.admin]) {
      const { items } = await list(cookie);
      expect(items).toEqual([expect.objectContaining({ id: view.id, shared: true })]);
    }
    expect((await list(cookies.agent)).items[0].canEdit).toBe(false);
    expect((await list(cookies.admin)).items[0].canEdit).toBe(true);
    expect((await list(cookies.agent)).canShare).toBe(false);
    expect((await list(cookies.supervisor)).canShare).toBe(true);
  });

  it("fills in the defaults of the queue's contract", async () => {
    const response = await save(cookies.admin, { name: "Tudo", shared: true, filters: {} });
    expect(response.statusCode).toBe(201);
    expect(response.json().filters).toEqual({ view: "open", sort: "due" });
    await call(t.app, "DELETE", `/api/v1/console/views/${response.json().id}`, undefined, {
      cookie: cookies.admin,
    });
  });

  it("lets agents keep personal views, never shared ones (403)", async () => {
    const shared = await save(cookies.agent, { name: "Da equipe", shared: true, filters: { view: "open" } });
    expect(shared.statusCode).toBe(403);
    expect(shared.json().error.code).toBe("forbidden");

    const mine = await save(cookies.agent, {
      name: "Minhas por atualização",
      filters: { view: "mine", sort: "updated" },
    });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ shared: false, canEdit: true, owner: { name: "Juliana Prado" } });

    // Shared first, then the caller's own; another person's personal views stay unknown.
    expect(await names(cookies.agent)).toEqual(["Urgentes da Metalúrgica", "Minhas por atualização"]);
    expect(await names(cookies.agent2)).toEqual(["Urgentes da Metalúrgica"]);
    expect(await names(cookies.supervisor)).toEqual(["Urgentes da Metalúrgica"]);
    const id = mine.json().id;
    for (const cookie of [cookies.agent2, cookies.supervisor]) {
      const other = await call(t.app, "DELETE", `/api/v1/console/views/${id}`, undefined, { cookie });
      expect(other.statusCode).toBe(404);
      const rename = await call(
        t.app,
        "PUT",
        `/api/v1/console/views/${id}`,
        { name: "Minha agora", filters: {} },
        { cookie },
      );
      expect(rename.statusCode).toBe(404);
    }
    // Sharing one's own view is still a supervisor's call.
    const share = await call(
      t.app,
      "PUT",
      `/api/v1/console/views/${id}`,
      { name: "Minhas por atualização", shared: true, filters: { view: "mine", sort: "updated" } },
      { cookie: cookies.agent },
    );
    expect(share.statusCode).toBe(403);
  });

  it("changes and deletes views: one's own, and the team's for supervisors and admins", async () => {
    const shared = (await list(cookies.agent)).items.find((v: { shared: boolean }) => v.shared);
    const agentEdit = await call(
      t.app,
      "PUT",
      `/api/v1/console/views/${shared.id}`,
      { name: "Renomeada", shared: true, filters: {} },
      { cookie: cookies.agent },
    );
    expect(agentEdit.statusCode).toBe(403);
    const agentDelete = await call(t.app, "DELETE", `/api/v1/console/views/${shared.id}`, undefined, {
      cookie: cookies.agent,
    });
    expect(agentDelete.statusCode).toBe(403);

    const adminEdit = await call(
      t.app,
      "PUT",
      `/api/v1/console/views/${shared.id}`,
      { name: "Urgentes (todas)", shared: true, filters: { priority: "urgent", sort: "priority" } },
      { cookie: cookies.admin },
    );
    expect(adminEdit.statusCode, adminEdit.body).toBe(200);
    expect(adminEdit.json()).toMatchObject({
      name: "Urgentes (todas)",
      owner: { name: "Carlos Menezes" },
      filters: { view: "open", priority: "urgent", sort: "priority" },
    });

    const own = (await list(cookies.agent)).items.find((v: { shared: boolean }) => !v.shared);
    const renamed = await call(
      t.app,
      "PUT",
      `/api/v1/console/views/${own.id}`,
      { name: "Minhas", filters: { view: "mine" } },
      { cookie: cookies.agent },
    );
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: "Minhas",
      shared: false,
      filters: { view: "mine", sort: "due" },
    });
    const deleted = await call(t.app, "DELETE", `/api/v1/console/views/${own.id}`, undefined, {
      cookie: cookies.agent,
    });
    expect(deleted.statusCode).toBe(204);
    expect(await names(cookies.agent)).toEqual(["Urgentes (todas)"]);
    const again = await call(t.app, "DELETE", `/api/v1/console/views/${own.id}`, undefined, {
      cookie: cookies.agent,
    });
    expect(again.statusCode).toBe(404);
    const audit = await listAuditFor(t.ctx.db, "saved_view", own.id);
    expect(audit.map((entry) => entry.action)).toEqual([
      "saved_view.created",
      "saved_view.changed",
      "saved_view.deleted",
    ]);

    const supervisorDelete = await call(t.app, "DELETE", `/api/v1/console/views/${shared.id}`, undefined, {
      cookie: cookies.supervisor,
    });
    expect(supervisorDelete.statusCode).toBe(204);
    expect(await names(cookies.agent)).toEqual([]);
  });

  it("validates the name and the filters against the queue's contract", async () => {
    const response = await save(cookies.supervisor, {
      name: " ",
      shared: "yes",
      filters: { view: "todas", priority: "altissima", companyId: "x", colour: "red" },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual(
      ["filters.colour", "filters.companyId", "filters.priority", "filters.view", "name", "shared"].sort(),
    );
    expect(fields.name).toBe("Campo obrigatório.");
    const missing = await save(cookies.supervisor, { name: "Sem filtros" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toHaveProperty("filters");
    const badId = await call(t.app, "DELETE", "/api/v1/console/views/123", undefined, {
      cookie: cookies.supervisor,
    });
    expect(badId.statusCode).toBe(400);
  });

  it("answers customers 404 on every route, even with bad input, and the signed-out 401", async () => {
    const id = "0196b5f0-0000-7000-8000-000000000000";
    const requests: ["GET" | "POST" | "PUT" | "DELETE", string, unknown][] = [
      ["GET", "/api/v1/console/views", undefined],
      ["POST", "/api/v1/console/views", { name: "x", filters: {} }],
      ["POST", "/api/v1/console/views", { bogus: true }],
      ["PUT", `/api/v1/console/views/${id}`, { name: "x", filters: {} }],
      ["DELETE", `/api/v1/console/views/${id}`, undefined],
      ["DELETE", "/api/v1/console/views/not-an-id", undefined],
    ];
    for (const [method, url, body] of requests) {
      for (const cookie of [cookies.customer, cookies.customerAdmin]) {
        const response = await call(t.app, method, url, body, { cookie });
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
      expect((await call(t.app, method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("documents the console routes in the OpenAPI description", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/v1/console/queue",
      "/api/v1/console/queue/counts",
      "/api/v1/console/queue/options",
      "/api/v1/console/views",
      "/api/v1/console/views/{viewId}",
    ])
      expect(doc.paths, path).toHaveProperty([path]);
    const save = doc.paths["/api/v1/console/views"].post;
    expect(save.requestBody.content["application/json"].schema.required).toEqual(["name", "filters"]);
    expect(Object.keys(doc.paths["/api/v1/console/views/{viewId}"])).toEqual(
      expect.arrayContaining(["put", "delete"]),
    );
  });
});
