import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/app";

describe("GET /api/openapi.json", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("documents every API route with its contract", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/v1/auth/login",
      "/api/v1/me",
      "/api/v1/companies",
      "/api/v1/companies/{companyId}",
      "/api/v1/users/{userId}/password-link",
      "/api/v1/calendars/{calendarId}/holidays",
      "/api/v1/calendars/{calendarId}/holidays/{date}",
      "/api/v1/calendars/{calendarId}/holidays/{date}/restore",
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    const login = doc.paths["/api/v1/auth/login"].post;
    const schema = login.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(["email", "password"]);
    expect(schema.additionalProperties).toBe(false);
    const addHoliday = doc.paths["/api/v1/calendars/{calendarId}/holidays"].post;
    expect(addHoliday.requestBody.content["application/json"].schema.required).toEqual(["date", "name"]);
    expect(Object.keys(addHoliday.responses)).toEqual(expect.arrayContaining(["201", "400", "403", "404"]));
  });
});
