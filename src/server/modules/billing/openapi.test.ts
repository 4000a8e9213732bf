import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/support/app";

describe("billing in /api/openapi.json", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("documents every billing route with its contract", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const expected: [string, string][] = [
      ["/api/v1/tickets/{number}/time-entries", "get"],
      ["/api/v1/tickets/{number}/time-entries", "post"],
      ["/api/v1/tickets/{number}/time-entries/{entryId}", "delete"],
      ["/api/v1/console/time-entries", "get"],
      ["/api/v1/tickets/{number}/estimates", "get"],
      ["/api/v1/tickets/{number}/estimates", "post"],
      ["/api/v1/tickets/{number}/estimates/{estimateId}/send", "post"],
      ["/api/v1/tickets/{number}/estimates/{estimateId}/withdraw", "post"],
      ["/api/v1/tickets/{number}/estimates/{estimateId}/approve", "post"],
      ["/api/v1/tickets/{number}/estimates/{estimateId}/decline", "post"],
      ["/api/v1/console/statements", "get"],
      ["/api/v1/console/statements/{companyId}", "get"],
      ["/api/v1/console/statements/{companyId}.csv", "get"],
    ];
    for (const [path, method] of expected) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation.tags).toContain("billing");
      expect(operation.summary).toBeTruthy();
    }
    const create = doc.paths["/api/v1/tickets/{number}/time-entries"].post;
    expect(create.requestBody.content["application/json"].schema.required).toEqual([
      "minutes",
      "note",
      "billable",
    ]);
    const patch = doc.paths["/api/v1/tickets/{number}"].patch;
    expect(patch.requestBody.content["application/json"].schema.properties).toHaveProperty("kindReason");
  });
});
