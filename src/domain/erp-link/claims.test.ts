// The claims of an ERP link against a fixed clock: every refusal, and what a good link yields.
import { describe, expect, it } from "vitest";
import { checkErpClaims, type ErpLinkExpectation } from "./claims";

const NOW = Date.parse("2026-12-06T13:00:00Z");
const S = NOW / 1000;
const expected: ErpLinkExpectation = {
  installationId: "0193a1b2-0000-7000-8000-000000000001",
  algorithm: "HS256",
  cnpj: "11444777000161",
};
const good = {
  iss: expected.installationId,
  aud: "extranet",
  email: "Ana@SerraAzul.com.br",
  cnpj: "11.444.777/0001-61",
  screen: "atw0001",
  record: "cliente código 100",
  jti: "a1b2c3",
  iat: S - 5,
  exp: S + 120,
};
const check = (payload: Record<string, unknown>, alg: unknown = "HS256") =>
  checkErpClaims({ alg }, payload, expected, NOW);
const without = (claim: keyof typeof good) => {
  const { [claim]: _gone, ...rest } = good;
  return rest;
};

describe("checkErpClaims", () => {
  it("accepts a fresh link and reads its claims (e-mail lower-cased, screen upper-cased, CNPJ by digits)", () => {
    expect(check(good)).toEqual({
      ok: true,
      claims: {
        jti: "a1b2c3",
        email: "ana@serraazul.com.br",
        expiresAt: (S + 120) * 1000,
        screen: "ATW0001",
        record: "cliente código 100",
        name: null,
      },
    });
  });

  it("accepts an audience list that names extranet, and a name for a user created just in time", () => {
    const result = check({ ...good, aud: ["erp", "extranet"], name: "Ana Souza" });
    expect(result.ok && result.claims.name).toBe("Ana Souza");
  });

  it("refuses an expired link, and one that expires this very millisecond", () => {
    expect(check({ ...good, exp: S - 1 })).toEqual({ ok: false, reason: "expired" });
    expect(check({ ...good, exp: S })).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a link that expires more than five minutes ahead (beyond the clock skew)", () => {
    expect(check({ ...good, exp: S + 5 * 60 + 30 }).ok).toBe(true);
    expect(check({ ...good, exp: S + 5 * 60 + 31 })).toEqual({ ok: false, reason: "malformed" });
    expect(check({ ...good, exp: S + 24 * 3600 })).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses a link issued in the future beyond 30 seconds", () => {
    expect(check({ ...good, iat: S + 30 }).ok).toBe(true);
    expect(check({ ...good, iat: S + 31 })).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses another audience", () => {
    expect(check({ ...good, aud: "erp" })).toEqual({ ok: false, reason: "malformed" });
    expect(check({ ...good, aud: ["erp"] })).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses a link signed with another algorithm than the installation's", () => {
    expect(check(good, "RS256")).toEqual({ ok: false, reason: "bad_signature" });
    expect(check(good, "none")).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a link of another installation", () => {
    expect(check({ ...good, iss: "someone-else" })).toEqual({ ok: false, reason: "unknown_installation" });
  });

  it.each(["aud", "email", "cnpj", "jti", "iat", "exp"] as const)("refuses a link without %s", (claim) => {
    expect(check(without(claim)).ok).toBe(false);
  });

  it("refuses claims of the wrong type or shape", () => {
    expect(check({ ...good, exp: String(S + 60) })).toEqual({ ok: false, reason: "malformed" });
    expect(check({ ...good, email: "not-an-email" })).toEqual({ ok: false, reason: "malformed" });
    expect(check({ ...good, jti: "" })).toEqual({ ok: false, reason: "malformed" });
    expect(check({ ...good, jti: "x".repeat(201) })).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses another company's CNPJ", () => {
    expect(check({ ...good, cnpj: "11.222.333/0001-81" })).toEqual({ ok: false, reason: "wrong_company" });
  });

  it("drops a screen of the wrong shape and an empty record instead of refusing the link", () => {
    const result = check({ ...good, screen: "nota fiscal", record: "  " });
    expect(result.ok && result.claims).toMatchObject({ screen: null, record: null });
  });
});
