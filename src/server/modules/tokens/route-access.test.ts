// Deny by default for tokens: every /api route declares what a token needs there, public routes are
// exactly the ones the gate opens, and the OpenAPI document states each declaration.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/support/app";
import { ApiScope } from "../../../contracts/tokens";
import { ROUTE_ACCESS, routeAccessOf } from "./route-access";

describe("route access declarations", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("declares every registered /api route (add it to route-access.ts)", () => {
    const undeclared = t.app.apiRoutes
      .filter((route) => routeAccessOf(route.method, route.url) === undefined)
      .map((route) => `${route.method} ${route.url}`);
    expect(undeclared).toEqual([]);
  });

  it("declares nothing that is not a route, so the table cannot rot", () => {
    const registered = new Set(t.app.apiRoutes.map((route) => `${route.method} ${route.url}`));
    expect(Object.keys(ROUTE_ACCESS).filter((key) => !registered.has(key))).toEqual([]);
  });

  it("calls public exactly the routes the gate leaves open", () => {
    for (const route of t.app.apiRoutes) {
      const name = `${route.method} ${route.url}`;
      expect(routeAccessOf(route.method, route.url) === "public", name).toBe(route.public);
    }
  });

  it("uses only known scopes", () => {
    const kinds = new Set<string>([...ApiScope.options, "any", "session", "public"]);
    for (const [route, access] of Object.entries(ROUTE_ACCESS)) expect(kinds.has(access), route).toBe(true);
  });

  it("states both security schemes and each operation's scope in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.components.securitySchemes).toEqual({
      sessionCookie: expect.objectContaining({ type: "apiKey", in: "cookie", name: "extranet_session" }),
      bearerAuth: expect.objectContaining({ type: "http", scheme: "bearer" }),
    });
    const security = (path: string, method: string) => doc.paths[path][method].security;
    expect(security("/api/v1/tickets", "get")).toEqual([
      { bearerAuth: ["tickets:read"] },
      { sessionCookie: [] },
    ]);
    expect(security("/api/v1/tickets/{number}/messages", "post")).toEqual([
      { bearerAuth: ["tickets:write"] },
      { sessionCookie: [] },
    ]);
    expect(security("/api/v1/me", "get")).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    expect(security("/api/v1/tokens", "post")).toEqual([{ sessionCookie: [] }]);
    expect(security("/api/v1/auth/login", "post")).toEqual([]);
    // No operation is left without a statement, and no security declaration leaks into the parameters.
    for (const [path, operations] of Object.entries<
      Record<string, { security?: unknown; parameters?: { name: string }[] }>
    >(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.security, `${method} ${path}`).toBeDefined();
        const names = (operation.parameters ?? []).map((parameter) => parameter.name.toLowerCase());
        expect(names, `${method} ${path}`).not.toContain("authorization");
      }
    }
  });
});
