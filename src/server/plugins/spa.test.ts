import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/app";

describe("the single-page app", () => {
  let t: TestApp;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-web-"));
    fs.mkdirSync(path.join(webRoot, "assets"));
    fs.writeFileSync(
      path.join(webRoot, "index.html"),
      "<!doctype html><title>Extranet</title><div id=root></div>",
    );
    fs.writeFileSync(path.join(webRoot, "assets", "app-1a2b3c.js"), "console.log('app')");
    t = await buildTestApp({ webRoot });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it.each(["/", "/login", "/portal/tickets", "/console", "/set-password"])(
    "serves index.html at %s, never cached",
    async (url) => {
      const response = await t.app.inject({ method: "GET", url });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
      expect(response.body).toContain("<div id=root>");
      expect(response.headers["cache-control"]).toBe("no-cache");
    },
  );

  it("serves fingerprinted assets with a long cache", async () => {
    const response = await t.app.inject({ method: "GET", url: "/assets/app-1a2b3c.js" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe("console.log('app')");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("answers 404 for a missing file instead of the app (a stale asset must not run as HTML)", async () => {
    for (const url of ["/assets/app-old.js", "/favicon.ico", "/robots.txt"]) {
      const response = await t.app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain("<div id=root>");
    }
  });

  it("never answers an API path with the app", async () => {
    for (const url of ["/api/v1/unknown", "/api/unknown", "/api"]) {
      const response = await t.app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe("route_not_found");
    }
  });

  it("sends security headers: a strict CSP, no framing, no sniffing", async () => {
    const response = await t.app.inject({ method: "GET", url: "/login" });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("DENY");
  });

  it("sends the API's answers, errors and 404s included, a CSP that allows nothing, no framing, no sniffing", async () => {
    const answers = [
      await t.app.inject({ method: "GET", url: "/api/v1/app" }),
      await t.app.inject({ method: "GET", url: "/api/v1/me" }),
      await t.app.inject({ method: "GET", url: "/api/v1/tickets?limit=nope" }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 401, 401]);
    for (const answer of answers) {
      expect(answer.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["referrer-policy"]).toBe("no-referrer");
      expect(answer.headers["x-xss-protection"]).toBeUndefined();
    }
    // A path no route matches is not the API's: it keeps the app's headers.
    const unknown = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(unknown.statusCode).toBe(404);
    expect(String(unknown.headers["content-security-policy"])).toContain("default-src 'self'");
  });
});
