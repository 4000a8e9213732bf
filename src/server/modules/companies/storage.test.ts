// Each company's attachment storage on the company resource: staff see every company's, a company's
// admin sees its own, a plain user sees none, and nobody learns another company's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  type Catalog,
  loginAs,
  makeCatalog,
  makeCompany,
  makeUser,
  ticketBody,
} from "../../../../test/support/factories";
import { textOf, uploadFile } from "../../../../test/support/uploads";
import type { CompanyRow } from "./repository";

const QUOTA = 2048 * 1024 * 1024;

describe("company storage in the companies API", () => {
  let t: TestApp;
  let catalog: Catalog;
  let a: CompanyRow;
  let b: CompanyRow;
  let cookies: Record<"admin" | "agent" | "adminOfA" | "userOfA" | "adminOfB", string>;
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    a = await makeCompany(t.ctx, { name: "Alfa Ltda" });
    b = await makeCompany(t.ctx, { name: "Beta Ltda" });
    cookies = {
      admin: await loginAs(t.app, await makeUser(t.ctx, "admin")),
      agent: await loginAs(t.app, await makeUser(t.ctx, "agent")),
      adminOfA: await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company: a })),
      userOfA: await loginAs(t.app, await makeUser(t.ctx, "customer", { company: a })),
      adminOfB: await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company: b })),
    };
    // Company A: a pending upload (1000 bytes), one sent with a ticket (2000) and a staff file on it (500).
    expect((await uploadFile(t.app, cookies.userOfA, "pendente.log", textOf(1000))).statusCode).toBe(201);
    const sent = (await uploadFile(t.app, cookies.userOfA, "enviado.log", textOf(2000))).json();
    const ticket = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      { ...ticketBody(catalog), attachmentIds: [sent.id] },
      { cookie: cookies.userOfA },
    );
    const staffFile = (await uploadFile(t.app, cookies.agent, "interno.log", textOf(500))).json();
    const note = await call(
      t.app,
      "POST",
      `/api/v1/tickets/${ticket.json().number}/messages`,
      { body: "Log", internal: true, attachmentIds: [staffFile.id] },
      { cookie: cookies.agent },
    );
    expect(note.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => call(t.app, "GET", url, undefined, { cookie });

  it("staff read every company's usage and quota, in the list and one by one", async () => {
    const list = await get("/api/v1/companies?limit=100", cookies.agent);
    expect(list.statusCode).toBe(200);
    const byId = new Map(list.json().items.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(a.id)).toMatchObject({ storageBytes: 3500, storageQuotaBytes: QUOTA });
    expect(byId.get(b.id)).toMatchObject({ storageBytes: 0, storageQuotaBytes: QUOTA });

    const one = await get(`/api/v1/companies/${a.id}`, cookies.agent);
    expect(one.json()).toMatchObject({ id: a.id, storageBytes: 3500, storageQuotaBytes: QUOTA });
    const changed = await call(
      t.app,
      "PATCH",
      `/api/v1/companies/${a.id}`,
      { city: "Campinas" },
      {
        cookie: cookies.admin,
      },
    );
    expect(changed.json()).toMatchObject({ city: "Campinas", storageBytes: 3500, storageQuotaBytes: QUOTA });
  });

  it("a company's admin reads its own; a plain user of it does not get the figures", async () => {
    const own = await get(`/api/v1/companies/${a.id}`, cookies.adminOfA);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ storageBytes: 3500, storageQuotaBytes: QUOTA });

    const plain = await get(`/api/v1/companies/${a.id}`, cookies.userOfA);
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).not.toHaveProperty("storageBytes");
    expect(plain.json()).not.toHaveProperty("storageQuotaBytes");
  });

  it("customers never learn another company's usage: 404 as for any other company, and no list", async () => {
    const asked = [
      [cookies.adminOfB, a.id],
      [cookies.userOfA, b.id],
    ] as const;
    for (const [cookie, otherCompanyId] of asked) {
      const other = await get(`/api/v1/companies/${otherCompanyId}`, cookie);
      expect(other.statusCode).toBe(404);
      expect(other.body).not.toContain("storageBytes");
      const list = await get("/api/v1/companies", cookie);
      expect(list.statusCode).toBe(404);
    }
  });
});
