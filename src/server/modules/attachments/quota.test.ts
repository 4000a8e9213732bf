// A company's attachment storage quota: an upload that does not fit is refused with how much is used
// and the quota (in the reader's language), keeps nothing, and racing uploads never overshoot it.
import fs from "node:fs";
import path from "node:path";
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

const KIB = 1024;
const QUOTA = 1024 * KIB;

describe("the company storage quota", () => {
  let t: TestApp;
  let catalog: Catalog;
  beforeAll(async () => {
    t = await buildTestApp({ env: { COMPANY_STORAGE_QUOTA_MB: "1" } });
    catalog = await makeCatalog(t.ctx);
  });
  afterAll(() => t.close());

  const storedFiles = () =>
    fs.existsSync(t.ctx.config.attachmentsDir)
      ? fs
          .readdirSync(t.ctx.config.attachmentsDir, { recursive: true })
          .filter((f) => fs.statSync(path.join(t.ctx.config.attachmentsDir, String(f))).isFile()).length
      : 0;
  const rowsOf = async (companyId: string) =>
    (await t.ctx.db.selectFrom("attachment").select("size").where("company_id", "=", companyId).execute())
      .map((r) => Number(r.size))
      .sort((a, b) => a - b);

  it("refuses an upload that does not fit with 413, the usage and the quota, in the user's language; keeps nothing", async () => {
    const company = await makeCompany(t.ctx);
    const customer = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));
    const colleague = await loginAs(t.app, await makeUser(t.ctx, "customer", { company, locale: "en" }));
    const first = await uploadFile(t.app, customer, "erro.log", textOf(600 * KIB));
    expect(first.statusCode).toBe(201);
    const filesBefore = storedFiles();

    const refused = await uploadFile(t.app, customer, "outro.log", textOf(500 * KIB));

    expect(refused.statusCode).toBe(413);
    expect(refused.json()).toEqual({
      error: {
        code: "attachment.quota_exceeded",
        message:
          "Este arquivo não cabe no espaço para anexos da sua empresa: 600 KB usados de 1 MB. Peça à equipe de suporte para ampliar o espaço.",
        usedBytes: 600 * KIB,
        quotaBytes: QUOTA,
      },
    });
    const inEnglish = await uploadFile(t.app, colleague, "other.log", textOf(500 * KIB));
    expect(inEnglish.statusCode).toBe(413);
    expect(inEnglish.json().error.message).toBe(
      "This file does not fit in your company's attachment storage: 600 KB used of 1 MB. Ask the support team for more space.",
    );
    expect(storedFiles()).toBe(filesBefore);
    expect(await rowsOf(company.id)).toEqual([600 * KIB]);

    // A smaller file still fits; withdrawing an upload gives its room back.
    expect((await uploadFile(t.app, customer, "curto.log", textOf(400 * KIB))).statusCode).toBe(201);
    expect((await uploadFile(t.app, customer, "mais.log", textOf(100 * KIB))).statusCode).toBe(413);
    const withdrawn = await call(t.app, "DELETE", first.json().url, undefined, { cookie: customer });
    expect(withdrawn.statusCode).toBe(204);
    expect((await uploadFile(t.app, customer, "mais.log", textOf(500 * KIB))).statusCode).toBe(201);
  });

  it("is per company: another company's uploads do not count", async () => {
    const full = await makeCompany(t.ctx);
    const other = await makeCompany(t.ctx);
    const filler = await loginAs(t.app, await makeUser(t.ctx, "customer", { company: full }));
    const stranger = await loginAs(t.app, await makeUser(t.ctx, "customer", { company: other }));
    expect((await uploadFile(t.app, filler, "cheio.log", textOf(1000 * KIB))).statusCode).toBe(201);

    expect((await uploadFile(t.app, filler, "nao-cabe.log", textOf(100 * KIB))).statusCode).toBe(413);
    expect((await uploadFile(t.app, stranger, "cabe.log", textOf(900 * KIB))).statusCode).toBe(201);
  });

  it("counts files attached to the company's tickets, a staff member's included, but never refuses staff", async () => {
    const company = await makeCompany(t.ctx);
    const customerUser = await makeUser(t.ctx, "customer", { company });
    const customer = await loginAs(t.app, customerUser);
    const agent = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    const mine = (await uploadFile(t.app, customer, "print.log", textOf(700 * KIB))).json();
    const opened = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      { ...ticketBody(catalog), attachmentIds: [mine.id] },
      { cookie: customer },
    );
    expect(opened.statusCode).toBe(201);

    const staffFile = await uploadFile(t.app, agent, "servidor.log", textOf(700 * KIB));
    expect(staffFile.statusCode).toBe(201);
    const note = await call(
      t.app,
      "POST",
      `/api/v1/tickets/${opened.json().number}/messages`,
      { body: "Log do servidor", internal: true, attachmentIds: [staffFile.json().id] },
      { cookie: agent },
    );
    expect(note.statusCode).toBe(201);

    expect(await rowsOf(company.id)).toEqual([700 * KIB, 700 * KIB]);
    const refused = await uploadFile(t.app, customer, "pequeno.log", textOf(KIB));
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error.usedBytes).toBe(1400 * KIB);
  });

  it("uploads racing for the last room: exactly as many fit as the quota holds", async () => {
    const company = await makeCompany(t.ctx);
    const cookies = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async () => loginAs(t.app, await makeUser(t.ctx, "customer", { company }))),
    );

    const statuses = await Promise.all(
      cookies.map(
        async (cookie, i) => (await uploadFile(t.app, cookie, `f${i}.log`, textOf(300 * KIB))).statusCode,
      ),
    );

    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 413)).toHaveLength(3);
    expect(await rowsOf(company.id)).toEqual([300 * KIB, 300 * KIB, 300 * KIB]);
  });
});
