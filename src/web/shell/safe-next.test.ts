// safeNextPath: only same-app pages are followed after signing in.
import { describe, expect, it } from "vitest";
import { loginPathFor, safeNextPath } from "./safe-next";

const origin = "https://extranet.uno.com.br";

describe("safeNextPath", () => {
  it("follows a page of this app, keeping its query", () => {
    expect(safeNextPath("/portal/tickets?status=open", origin)).toBe("/portal/tickets?status=open");
  });

  it.each([
    null,
    "",
    "portal/tickets",
    "//evil.example/phish",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/api/v1/me",
    "/login",
  ])("goes home instead of %s", (next) => {
    expect(safeNextPath(next, origin)).toBe("/");
  });
});

describe("loginPathFor", () => {
  it("records where the user was", () => {
    expect(loginPathFor("/portal/new?x=1")).toBe("/login?next=%2Fportal%2Fnew%3Fx%3D1");
  });

  it("needs no next for the home page", () => {
    expect(loginPathFor("/")).toBe("/login");
  });
});
