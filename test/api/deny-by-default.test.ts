// Deny by default: every documented /api route, called anonymously, answers 401 in the contract's
// error shape, except the public ones named here; and no /api route hides from the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorResponse } from "../../src/contracts/common";
import { buildTestApp, TEST_HOST, TEST_ORIGIN, type TestApp } from "../support/app";

/** The routes anyone may call: signing in and out, a one-time link, the sign-in page's facts. */
const PUBLIC_ROUTES = [
  "GET /api/v1/app",
  "HEAD /api/v1/app",
  "GET /api/openapi.json",
  "HEAD /api/openapi.json",
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
  "POST /api/v1/auth/forgot-password",
  "POST /api/v1/auth/set-password",
];
/** Documented, outside /api and public by nature: the ERP's sign-in link answers a redirect, never 401. */
const BROWSER_ROUTES = ["GET /sso/erp"];
/** Served but not documented: the document itself. */
const UNDOCUMENTED_ROUTES = ["GET /api/openapi.json", "HEAD /api/openapi.json"];

interface Parameter {
  in: string;
  name: string;
  schema?: { type?: string; format?: string; enum?: unknown[] };
}
interface Operation {
  parameters?: Parameter[];
}
type Paths = Record<string, Record<string, Operation>>;

/** A value the parameter's schema accepts, so the request is refused for who calls, not for what. */
function plausible(parameter: Parameter): string {
  const schema = parameter.schema ?? {};
  if (schema.enum?.length) return String(schema.enum[0]);
  if (schema.type === "integer" || schema.type === "number") return "1001";
  if (schema.format === "uuid") return "01966b2e-7c3a-7d1e-8f00-0a1b2c3d4e5f";
  if (schema.format === "date") return "2026-12-25";
  return "x";
}

function filled(path: string, operation: Operation): string {
  let url = path;
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in === "path") url = url.replace(`{${parameter.name}}`, plausible(parameter));
  }
  expect(url, `${path}: every path parameter filled`).not.toMatch(/[{}]/);
  return url;
}

const fastifyPath = (url: string) => url.replace(/:(\w+)/g, "{$1}");

describe("deny by default", () => {
  let t: TestApp;
  let paths: Paths;
  beforeAll(async () => {
    t = await buildTestApp();
    const response = await t.app.inject({
      method: "GET",
      url: "/api/openapi.json",
      headers: { host: TEST_HOST },
    });
    expect(response.statusCode).toBe(200);
    paths = response.json().paths;
  });
  afterAll(() => t.close());

  const anonymous = (method: string, url: string) =>
    t.app.inject({
      method: method.toUpperCase() as "GET",
      url,
      headers: { host: TEST_HOST, ...(method !== "get" && method !== "head" && { origin: TEST_ORIGIN }) },
      ...((method === "post" || method === "put" || method === "patch") && { payload: {} }),
    });

  it("answers 401 in the error shape to every documented route but the public ones", async () => {
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        const response = await anonymous(method, filled(path, operation));
        if (PUBLIC_ROUTES.includes(route)) {
          expect(response.statusCode, route).not.toBe(401);
          continue;
        }
        if (BROWSER_ROUTES.includes(route)) {
          expect(response.statusCode, route).toBe(302);
          expect(response.headers.location, route).toBe("/login?erp=malformed");
          continue;
        }
        expect(response.statusCode, route).toBe(401);
        expect(response.headers["content-type"], route).toMatch(/^application\/json/);
        expect(ErrorResponse.parse(response.json()), route).toEqual({
          error: {
            code: "unauthenticated",
            message: "Sua sessão expirou ou você não entrou. Entre novamente.",
          },
        });
        checked.push(route);
        if (method === "get") {
          expect((await anonymous("head", filled(path, operation))).statusCode, `HEAD ${path}`).toBe(401);
        }
      }
    }
    // A sanity floor: the document lists the whole API, not a handful of routes.
    expect(checked.length).toBeGreaterThan(70);
  });

  it("lets the public routes through, and only those", async () => {
    const publicRoutes = t.app.apiRoutes.filter((r) => r.public).map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES].sort());
    expect((await anonymous("get", "/api/v1/app")).statusCode).toBe(200);
    expect((await anonymous("get", "/api/openapi.json")).statusCode).toBe(200);
    expect((await anonymous("post", "/api/v1/auth/logout")).statusCode).toBe(204);
    const login = await anonymous("post", "/api/v1/auth/login");
    expect(login.statusCode).toBe(400);
    expect(login.json().error.code).toBe("validation");
  });

  it("documents every registered /api route, so none escapes the check above", () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(70);
    for (const route of t.app.apiRoutes) {
      const name = `${route.method} ${route.url}`;
      if (UNDOCUMENTED_ROUTES.includes(name)) continue;
      // HEAD routes are Fastify's copies of GET routes.
      const method = route.method === "HEAD" ? "get" : route.method.toLowerCase();
      expect(paths[fastifyPath(route.url)]?.[method], name).toBeDefined();
    }
  });

  it("checks before validation: a bad body, a missing query or a bad parameter still gets 401", async () => {
    for (const [method, url] of [
      ["get", "/api/v1/sla/compliance"],
      ["get", "/api/v1/companies/not-a-uuid"],
      ["post", "/api/v1/companies"],
    ] as const) {
      const response = await anonymous(method, url);
      expect(response.statusCode, url).toBe(401);
    }
  });

  it("answers an unknown /api route 404 (route_not_found), signed in or not", async () => {
    for (const method of ["get", "post", "delete"]) {
      const response = await anonymous(method, "/api/v1/nothing-here");
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("route_not_found");
    }
  });

  it("goes by the routed path: an encoded /api is still closed", async () => {
    for (const url of ["/%61pi/v1/me", "/a%70i/v1/tickets", "/api/v1/%74ickets"]) {
      const response = await anonymous("get", url);
      expect(response.statusCode, url).toBe(401);
    }
  });

  it("speaks the browser's language to an anonymous caller", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/v1/tickets",
      headers: { host: TEST_HOST, "accept-language": "en-US,en;q=0.9" },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe(
      "Your session has expired or you are not signed in. Please sign in again.",
    );
  });
});
