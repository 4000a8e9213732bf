// Text never holds control characters other than tab and line breaks (PostgreSQL refuses NUL, SQLite
// would store it): every route refuses them in its body, query string and path parameters with a
// 400 naming the field, on both databases, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, TEST_HOST, type TestApp } from "../support/app";
import {
  type Catalog,
  loginAs,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
  ticketBody,
} from "../support/factories";

const REFUSED = "Remova os caracteres de controle (invisíveis) deste campo.";

interface Parameter {
  in: string;
  name: string;
  schema?: { type?: string; format?: string; enum?: unknown[] };
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

function plausible(parameter: Parameter): string {
  const schema = parameter.schema ?? {};
  if (schema.enum?.length) return String(schema.enum[0]);
  if (schema.type === "integer" || schema.type === "number") return "1001";
  if (schema.format === "uuid") return "01966b2e-7c3a-7d1e-8f00-0a1b2c3d4e5f";
  if (schema.format === "date") return "2026-12-25";
  if (parameter.name === "code") return "ATW0001"; // a screen code: three letters, four digits
  return "x";
}

describe("control characters in any text input", () => {
  let t: TestApp;
  let catalog: Catalog;
  let admin: string;
  let agent: string;
  let customer: string;
  let customerId: string;
  let number: number;
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    const customerUser = await makeUser(t.ctx, "customer", { company });
    customerId = customerUser.id;
    customer = await loginAs(t.app, customerUser);
    admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    agent = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    number = await makeTicket(t.ctx, catalog, customerUser);
  });
  afterAll(() => t.close());

  const counts = async () => ({
    tickets: (await t.ctx.db.selectFrom("ticket").select("id").execute()).length,
    events: (await t.ctx.db.selectFrom("ticket_event").select("id").execute()).length,
  });

  const refusedField = (response: { statusCode: number; json(): { error: unknown } }, field: string) => {
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation", fields: { [field]: REFUSED } });
  };

  it("a NUL in a new ticket's subject: 400 naming subject, no ticket", async () => {
    const before = await counts();
    const response = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      ticketBody(catalog, { subject: "Nota\u0000 fiscal" }),
      {
        cookie: customer,
      },
    );
    refusedField(response, "subject");
    expect(await counts()).toEqual(before);
  });

  it("a NUL in a reply's body: 400 naming body, no message", async () => {
    const before = await counts();
    const response = await call(
      t.app,
      "POST",
      `/api/v1/tickets/${number}/messages`,
      { body: "Segue o log:\u0000 erro 42" },
      { cookie: customer },
    );
    refusedField(response, "body");
    expect(await counts()).toEqual(before);
  });

  it("a NUL in an internal note: 400 naming body, no note", async () => {
    const before = await counts();
    const response = await call(
      t.app,
      "POST",
      `/api/v1/tickets/${number}/messages`,
      { body: "Conferir com o fiscal\u0000", internal: true },
      { cookie: agent },
    );
    refusedField(response, "body");
    expect(await counts()).toEqual(before);
  });

  it("a NUL in a user's name: 400 naming name, the name unchanged", async () => {
    const nameOf = async () =>
      (
        await t.ctx.db
          .selectFrom("app_user")
          .select("name")
          .where("id", "=", customerId)
          .executeTakeFirstOrThrow()
      ).name;
    const before = await nameOf();
    refusedField(
      await call(t.app, "PATCH", "/api/v1/me", { name: "Bruno\u0000 Lima" }, { cookie: customer }),
      "name",
    );
    refusedField(
      await call(
        t.app,
        "PATCH",
        `/api/v1/users/${customerId}`,
        { name: "Bruno\u0000 Lima" },
        { cookie: admin },
      ),
      "name",
    );
    expect(await nameOf()).toBe(before);
    const users = (await t.ctx.db.selectFrom("app_user").select("id").execute()).length;
    refusedField(
      await call(
        t.app,
        "POST",
        "/api/v1/users",
        { name: "Nova\u0000 Pessoa", email: "nova@example.com.br", role: "agent", locale: "pt-BR" },
        { cookie: admin },
      ),
      "name",
    );
    expect((await t.ctx.db.selectFrom("app_user").select("id").execute()).length).toBe(users);
  });

  it("a NUL in a search query string: 400 naming q", async () => {
    refusedField(
      await call(t.app, "GET", "/api/v1/tickets?q=nota%00fiscal", undefined, { cookie: customer }),
      "q",
    );
    refusedField(await call(t.app, "GET", "/api/v1/console/queue?q=%00", undefined, { cookie: agent }), "q");
  });

  it("refuses the other control characters and DEL, keeps tab and line breaks", async () => {
    for (const character of ["\u0001", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f"]) {
      const response = await call(
        t.app,
        "POST",
        `/api/v1/tickets/${number}/messages`,
        { body: `antes${character}depois` },
        { cookie: customer },
      );
      expect(response.statusCode, JSON.stringify(character)).toBe(400);
      expect(response.json().error.fields, JSON.stringify(character)).toEqual({ body: REFUSED });
    }
    const accepted = await call(
      t.app,
      "POST",
      `/api/v1/tickets/${number}/messages`,
      { body: "Passos:\r\n1.\tabrir a tela\n2.\tgravar" },
      { cookie: customer },
    );
    expect(accepted.statusCode).toBe(201);
  });

  it("speaks the user's language", async () => {
    const english = await loginAs(t.app, await makeUser(t.ctx, "agent", { locale: "en" }));
    const response = await call(t.app, "GET", "/api/v1/tickets?q=%1b", undefined, { cookie: english });
    expect(response.json().error.fields).toEqual({
      q: "Remove the control (invisible) characters from this field.",
    });
  });

  it("every documented route refuses one in its body, its query string and its path parameters", async () => {
    const doc = (
      await t.app.inject({ method: "GET", url: "/api/openapi.json", headers: { host: TEST_HOST } })
    ).json();
    const paths: Record<string, Record<string, Operation>> = doc.paths;
    let checked = 0;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const verb = method.toUpperCase() as "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
        const parameters = operation.parameters ?? [];
        const filled = (poisoned?: string) =>
          parameters
            .filter((p) => p.in === "path")
            .reduce(
              (url, p) => url.replace(`{${p.name}}`, p.name === poisoned ? "a%00b" : plausible(p)),
              path,
            );
        const label = `${verb} ${path}`;

        for (const parameter of parameters.filter((p) => p.in === "path").slice(0, 1)) {
          refusedField(
            await call(t.app, verb, filled(parameter.name), undefined, { cookie: admin }),
            parameter.name,
          );
          checked += 1;
        }
        const query = parameters.find((p) => p.in === "query");
        if (query) {
          const response = await call(t.app, verb, `${filled()}?${query.name}=a%00b`, undefined, {
            cookie: admin,
          });
          expect(response.statusCode, label).toBe(400);
          expect(response.json().error.fields, label).toMatchObject({ [query.name]: REFUSED });
          checked += 1;
        }
        const json = operation.requestBody?.content?.["application/json"];
        if (json) {
          const field = Object.keys(json.schema?.properties ?? {})[0] ?? "text";
          const response = await call(t.app, verb, filled(), { [field]: "a\u0000b" }, { cookie: admin });
          expect(response.statusCode, label).toBe(400);
          expect(response.json().error.fields, label).toMatchObject({ [field]: REFUSED });
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
  });
});
