import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, TEST_ORIGIN, type TestApp } from "../../../test/support/app";
import { loginAs, makeUser } from "../../../test/support/factories";

describe("bad input gets a clear, localized 4xx", () => {
  let t: TestApp;
  let adminCookie: string;
  beforeAll(async () => {
    t = await buildTestApp({ env: { BODY_LIMIT_BYTES: "4096" } });
    adminCookie = await loginAs(t.app, await makeUser(t.ctx, "admin", { locale: "pt-BR" }));
  });
  afterAll(() => t.close());

  const raw = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/companies",
      headers: {
        host: "extranet.test",
        origin: TEST_ORIGIN,
        cookie: adminCookie,
        "content-type": "application/json",
        ...headers,
      },
      payload,
    });

  it("malformed JSON", async () => {
    const response = await raw('{"name": "Acme",');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: "malformed_json", message: "O corpo da requisição não é um JSON válido." },
    });
  });

  it("an empty JSON body", async () => {
    const response = await raw("");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("malformed_json");
  });

  it("prototype poisoning", async () => {
    const response = await raw('{"__proto__": {"admin": true}, "name": "Acme"}');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toMatch(/malformed_json|bad_request/);
  });

  it("missing, wrong-typed and unknown fields, each named as the contract names it", async () => {
    const response = await raw(
      JSON.stringify({ name: 42, cnpj: "11.222.333/0001-00", state: "XX", extra: true }),
    );
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe("validation");
    expect(body.error.message).toBe("Verifique os campos destacados.");
    expect(body.error.fields).toEqual({
      name: "Valor inválido.",
      cnpj: "CNPJ inválido: confira os dígitos.",
      state: expect.stringMatching(/^Use um destes valores: AC, AL, .*TO\.$/),
      city: "Campo obrigatório.",
      extra: "Campo desconhecido.",
    });
  });

  it("speaks English to a user who chose English", async () => {
    const english = await loginAs(t.app, await makeUser(t.ctx, "admin", { locale: "en" }));
    const response = await call(t.app, "POST", "/api/v1/companies", { name: "A" }, { cookie: english });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      message: "Please check the highlighted fields.",
      fields: { name: "Must be at least 2 characters.", cnpj: "Required." },
    });
  });

  it("speaks the browser's language before sign-in", async () => {
    const response = await call(
      t.app,
      "POST",
      "/api/v1/auth/login",
      { email: "not-an-email" },
      {
        headers: { "accept-language": "en-US,en;q=0.9" },
      },
    );
    expect(response.json().error.fields).toEqual({ email: "Invalid e-mail.", password: "Required." });
  });

  it("a bad path parameter or query", async () => {
    const badId = await call(t.app, "GET", "/api/v1/companies/not-a-uuid", undefined, {
      cookie: adminCookie,
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.fields).toEqual({ companyId: "Identificador inválido." });
    const badLimit = await call(t.app, "GET", "/api/v1/companies?limit=1000", undefined, {
      cookie: adminCookie,
    });
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().error.fields).toEqual({ limit: "Deve ser no máximo 100." });
    const badCursor = await call(t.app, "GET", "/api/v1/companies?cursor=%%%", undefined, {
      cookie: adminCookie,
    });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.fields).toEqual({ cursor: "Formato inválido." });
  });

  it("an oversized body is refused before it is parsed", async () => {
    const response = await raw(JSON.stringify({ name: "x".repeat(10_000) }));
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toEqual({
      code: "body_too_large",
      message: "O conteúdo enviado é grande demais.",
    });
  });

  it("an unsupported content type", async () => {
    const response = await raw("name=Acme", { "content-type": "application/x-www-form-urlencoded" });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("unsupported_media_type");
  });

  it("an unknown API route, in JSON, for any method", async () => {
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const response = await call(t.app, method, "/api/v1/nothing-here", undefined, { cookie: adminCookie });
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      expect(response.json().error).toEqual({
        code: "route_not_found",
        message: "Endereço da API inexistente.",
      });
    }
  });

  it("nothing was written by any of the refused requests", async () => {
    expect(await t.ctx.db.selectFrom("company").select("id").execute()).toEqual([]);
  });
});
