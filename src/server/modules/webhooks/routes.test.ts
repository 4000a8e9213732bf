// /api/v1/webhooks through the API: admins only (other staff 403, customers and strangers 404/401),
// the secret in the Standard Webhooks form shown on creation and rotation only, private addresses
// refused at registration unless allowlisted, changes audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCompany, makeUser } from "../../../../test/support/factories";

describe("/api/v1/webhooks", () => {
  let t: TestApp;
  let cookies: Record<"admin" | "supervisor" | "agent" | "customerAdmin" | "customer", string>;
  const as = (who: keyof typeof cookies | "anonymous") => ({
    cookie: who === "anonymous" ? undefined : cookies[who],
  });

  beforeAll(async () => {
    t = await buildTestApp({ env: { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" } });
    const company = await makeCompany(t.ctx);
    cookies = {
      admin: await loginAs(t.app, await makeUser(t.ctx, "admin")),
      supervisor: await loginAs(t.app, await makeUser(t.ctx, "supervisor")),
      agent: await loginAs(t.app, await makeUser(t.ctx, "agent")),
      customerAdmin: await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company })),
      customer: await loginAs(t.app, await makeUser(t.ctx, "customer", { company })),
    };
  });
  afterAll(() => t.close());

  const create = (body: unknown, who: keyof typeof cookies | "anonymous" = "admin") =>
    call(t.app, "POST", "/api/v1/webhooks", body, as(who));

  it("is for admins only: other staff are forbidden, customers and strangers learn nothing", async () => {
    const made = await create({ url: "http://127.0.0.1:9/hook", events: ["ticket.created"] });
    expect(made.statusCode, made.body).toBe(201);
    const id: string = made.json().id;
    const delivery = "0190f3a0-0000-7000-8000-000000000000";
    const routes: [method: "GET" | "POST" | "PATCH" | "DELETE", url: string, body?: unknown][] = [
      ["GET", "/api/v1/webhooks"],
      ["POST", "/api/v1/webhooks", { url: "http://127.0.0.1:9/x", events: ["ticket.created"] }],
      ["GET", `/api/v1/webhooks/${id}`],
      ["PATCH", `/api/v1/webhooks/${id}`, { active: false }],
      ["GET", `/api/v1/webhooks/${id}/deliveries`],
      ["POST", `/api/v1/webhooks/${id}/deliveries/${delivery}/resend`],
      ["DELETE", `/api/v1/webhooks/${id}`],
    ];
    const expected = { supervisor: 403, agent: 403, customerAdmin: 404, customer: 404, anonymous: 401 };
    for (const [method, url, body] of routes) {
      for (const [who, status] of Object.entries(expected)) {
        const response = await call(t.app, method, url, body, as(who as keyof typeof expected));
        expect(response.statusCode, `${who} ${method} ${url}`).toBe(status);
      }
    }
    // Nothing changed on the way: the endpoint is as it was made.
    const seen = await call(t.app, "GET", `/api/v1/webhooks/${id}`, undefined, as("admin"));
    expect(seen.json()).toMatchObject({ active: true, events: ["ticket.created"] });
  });

  it("answers a Standard Webhooks secret once, keeps it out of every read, and takes one given", async () => {
    const made = await create({
      url: "http://127.0.0.1:9/erp",
      events: ["ticket.created", "message.created", "ticket.created"],
      internal: true,
    });
    expect(made.statusCode).toBe(201);
    const body = made.json();
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(body.secret.slice(6), "base64")).toHaveLength(32);
    expect(body).toMatchObject({
      events: ["ticket.created", "message.created"],
      internal: true,
      active: true,
    });
    const list = await call(t.app, "GET", "/api/v1/webhooks", undefined, as("admin"));
    expect(list.body).not.toContain(body.secret);
    expect(list.json().items.map((w: { id: string }) => w.id)).toContain(body.id);

    const own = `whsec_${Buffer.alloc(24, 7).toString("base64")}`;
    const given = await create({ url: "http://127.0.0.1:9/own", events: ["sla.warning"], secret: own });
    expect(given.json().secret).toBe(own);
  });

  it("refuses bad input per field, never with a 500", async () => {
    const cases: [unknown, string][] = [
      [{ url: "ftp://example.com/x", events: ["ticket.created"] }, "url"],
      [{ url: "http://user:pw@example.com/x", events: ["ticket.created"] }, "url"],
      [{ url: "http://127.0.0.1:9/x", events: [] }, "events"],
      [{ url: "http://127.0.0.1:9/x", events: ["ticket.deleted"] }, "events.0"],
      [{ url: "http://127.0.0.1:9/x", events: ["ticket.created"], secret: "whsec_c2hvcnQ=" }, "secret"],
      [{ url: "http://127.0.0.1:9/x", events: ["ticket.created"], secret: "not a secret" }, "secret"],
    ];
    for (const [body, field] of cases) {
      const response = await create(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json().error.fields), JSON.stringify(body)).toContain(field);
    }
  });

  it("refuses addresses that lead inside (private, loopback by name, metadata) unless allowlisted", async () => {
    for (const url of [
      "http://10.0.0.1/hook",
      "http://192.168.1.20/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://[fd00:ec2::254]/",
      "http://[::1]:9/hook",
      "http://[::ffff:10.0.0.1]/hook",
      "http://100.64.0.1/hook",
      "http://0.0.0.0/hook",
      // localhost resolves to a loopback address and is not on the list (127.0.0.1 is).
      "http://localhost:9/hook",
    ]) {
      const response = await create({ url, events: ["ticket.created"] });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.fields.url, url).toContain("rede interna");
    }
    const created = await create({ url: "http://127.0.0.1:9/ok", events: ["ticket.created"] });
    expect(created.statusCode).toBe(201);
    const moved = await call(
      t.app,
      "PATCH",
      `/api/v1/webhooks/${created.json().id}`,
      { url: "http://10.1.2.3/hook" },
      as("admin"),
    );
    expect(moved.statusCode).toBe(400);
  });

  it("changes, disables, rotates (the old secret kept for the grace period) and deletes, audited", async () => {
    const made = (await create({ url: "http://127.0.0.1:9/a", events: ["ticket.created"] })).json();
    const url = `/api/v1/webhooks/${made.id}`;
    const changed = await call(
      t.app,
      "PATCH",
      url,
      { events: ["ticket.updated", "sla.breached"], active: false },
      as("admin"),
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ events: ["ticket.updated", "sla.breached"], active: false });
    expect(changed.json().secret).toBeUndefined();

    const rotated = await call(t.app, "PATCH", url, { rotateSecret: true }, as("admin"));
    expect(rotated.json().secret).toMatch(/^whsec_/);
    expect(rotated.json().secret).not.toBe(made.secret);
    const row = await t.ctx.db
      .selectFrom("webhook_endpoint")
      .selectAll()
      .where("id", "=", made.id)
      .executeTakeFirstOrThrow();
    expect(row.previous_secret).toBe(made.secret);
    expect(row.previous_secret_until).toBe(t.clock.now() + 24 * 3_600_000);

    expect((await call(t.app, "DELETE", url, undefined, as("admin"))).statusCode).toBe(204);
    expect((await call(t.app, "GET", url, undefined, as("admin"))).statusCode).toBe(404);
    const audit = await t.ctx.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("target_id", "=", made.id)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      "webhook.create",
      "webhook.update",
      "webhook.rotate_secret",
      "webhook.delete",
    ]);
    for (const entry of audit) {
      expect(entry.details).not.toContain(made.secret);
      expect(entry.details).not.toContain(rotated.json().secret);
    }
  });
});
