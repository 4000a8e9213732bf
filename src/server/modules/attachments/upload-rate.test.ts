// The per-user upload rate limit: past its files or bytes within the window an upload answers 429 with
// Retry-After, in the user's language; withdrawing uploads does not reset it; other users are unaffected.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCompany, makeUser } from "../../../../test/support/factories";
import { PNG, textOf, uploadFile } from "../../../../test/support/uploads";

const MIB = 1024 * 1024;
const MINUTE = 60_000;

describe("the upload rate limit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: { UPLOAD_RATE_MAX_FILES: "3", UPLOAD_RATE_MAX_MB: "10", UPLOAD_RATE_WINDOW_MINUTES: "10" },
    });
  });
  afterAll(() => t.close());

  const storedFiles = () =>
    fs.existsSync(t.ctx.config.attachmentsDir)
      ? fs
          .readdirSync(t.ctx.config.attachmentsDir, { recursive: true })
          .filter((f) => fs.statSync(path.join(t.ctx.config.attachmentsDir, String(f))).isFile()).length
      : 0;

  it("past the files allowed in the window answers 429 with Retry-After, until the oldest leaves it", async () => {
    const company = await makeCompany(t.ctx);
    const customer = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));
    const colleague = await loginAs(t.app, await makeUser(t.ctx, "customer", { company, locale: "en" }));
    const agent = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    const uploaded = [];
    for (const name of ["a.png", "b.png", "c.png"]) {
      const response = await uploadFile(t.app, customer, name, PNG);
      expect(response.statusCode).toBe(201);
      uploaded.push(response.json());
      t.clock.advance(MINUTE);
    }
    // Withdrawing them does not give the uploads back.
    for (const file of uploaded)
      expect((await call(t.app, "DELETE", file.url, undefined, { cookie: customer })).statusCode).toBe(204);

    const refused = await uploadFile(t.app, customer, "d.png", PNG);

    expect(refused.statusCode).toBe(429);
    // The first upload leaves the 10-minute window 7 minutes from now.
    expect(refused.headers["retry-after"]).toBe("420");
    expect(refused.json().error).toEqual({
      code: "upload.rate_limited",
      message: "Você enviou muitos arquivos em pouco tempo. Tente novamente em 7 min.",
    });
    // Limits are per user: a colleague and staff still upload.
    expect((await uploadFile(t.app, colleague, "e.png", PNG)).statusCode).toBe(201);
    expect((await uploadFile(t.app, agent, "f.png", PNG)).statusCode).toBe(201);

    t.clock.advance(7 * MINUTE - 1_000);
    const stillRefused = await uploadFile(t.app, customer, "d.png", PNG);
    expect(stillRefused.statusCode).toBe(429);
    expect(stillRefused.headers["retry-after"]).toBe("1");
    t.clock.advance(1_000);
    expect((await uploadFile(t.app, customer, "d.png", PNG)).statusCode).toBe(201);
  });

  it("past the bytes allowed in the window refuses the file once received, keeping nothing; in English too", async () => {
    const uploader = await loginAs(t.app, await makeUser(t.ctx, "agent", { locale: "en" }));
    expect((await uploadFile(t.app, uploader, "um.log", textOf(4 * MIB))).statusCode).toBe(201);
    t.clock.advance(MINUTE);
    expect((await uploadFile(t.app, uploader, "dois.log", textOf(4 * MIB))).statusCode).toBe(201);
    const filesBefore = storedFiles();

    const refused = await uploadFile(t.app, uploader, "tres.log", textOf(4 * MIB));

    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("540");
    expect(refused.json().error.message).toBe(
      "You have uploaded too many files in a short time. Try again in 9 min.",
    );
    expect(storedFiles()).toBe(filesBefore);
    // A smaller file still fits under the 10 MiB.
    expect((await uploadFile(t.app, uploader, "pequeno.log", textOf(MIB))).statusCode).toBe(201);
  });
});
