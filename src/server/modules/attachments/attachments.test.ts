import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeUser,
  ticketBody,
} from "../../../../test/support/factories";
import { PNG, uploadFile } from "../../../../test/support/uploads";

// A Windows executable's first bytes.
const EXE = Buffer.concat([Buffer.from("4d5a90000300000004000000ffff0000", "hex"), Buffer.alloc(512, 1)]);

describe("attachments", () => {
  let t: TestApp;
  let catalog: Catalog;
  let customerUser: MadeUser;
  let customer: string;
  let colleague: string;
  let agent: string;
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    customerUser = await makeUser(t.ctx, "customer", { company });
    customer = await loginAs(t.app, customerUser);
    colleague = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));
    agent = await loginAs(t.app, await makeUser(t.ctx, "agent"));
  });
  afterAll(() => t.close());

  const upload = (cookie: string, filename: string, content: Buffer) =>
    uploadFile(t.app, cookie, filename, content);
  const storedFiles = () =>
    fs.existsSync(t.ctx.config.attachmentsDir)
      ? fs
          .readdirSync(t.ctx.config.attachmentsDir, { recursive: true })
          .filter((f) => fs.statSync(path.join(t.ctx.config.attachmentsDir, String(f))).isFile())
      : [];

  it("uploads a screenshot, attaches it to a new ticket and serves it like the ticket", async () => {
    const uploaded = await upload(customer, "tela atw0001.png", PNG);
    expect(uploaded.statusCode).toBe(201);
    const attachment = uploaded.json();
    expect(attachment).toMatchObject({
      filename: "tela atw0001.png",
      contentType: "image/png",
      size: PNG.length,
    });
    expect(attachment.id).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const created = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      { ...ticketBody(catalog), attachmentIds: [attachment.id] },
      { cookie: customer },
    );
    expect(created.statusCode).toBe(201);
    expect(created.json().attachments.map((a: { id: string }) => a.id)).toEqual([attachment.id]);
    expect(created.json().events[0].attachments).toHaveLength(1);

    for (const cookie of [customer, colleague, agent]) {
      const download = await call(t.app, "GET", attachment.url, undefined, { cookie });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(PNG)).toBe(true);
      expect(download.headers["content-type"]).toBe("image/png");
      expect(download.headers["content-disposition"]).toBe(
        `attachment; filename="tela atw0001.png"; filename*=UTF-8''tela%20atw0001.png`,
      );
      expect(download.headers["x-content-type-options"]).toBe("nosniff");
    }

    const reused = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      { ...ticketBody(catalog), attachmentIds: [attachment.id] },
      { cookie: customer },
    );
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.fields).toEqual({ attachmentIds: "Anexo não encontrado ou já usado." });
  });

  it("refuses an executable disguised as a picture, and keeps nothing of it", async () => {
    const before = storedFiles().length;
    for (const name of ["foto.png", "log.txt", "planilha.csv", "programa.exe"]) {
      const response = await upload(customer, name, EXE);
      expect(response.statusCode, name).toBe(400);
      expect(response.json().error.fields.file).toMatch(/^Tipo de arquivo não permitido/);
    }
    const mismatch = await upload(customer, "relatorio.pdf", PNG);
    expect(mismatch.statusCode).toBe(400);
    expect(storedFiles().length).toBe(before);
  });

  it("refuses an oversized upload without filling the disk", async () => {
    const before = storedFiles().length;
    const huge = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 10, 0)]);
    const response = await upload(customer, "grande.png", huge);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("body_too_large");
    expect(storedFiles().length).toBe(before);
  });

  it("accepts plain-text logs", async () => {
    const response = await upload(customer, "erro.log", Buffer.from("2026-11-28 10:00 ERRO rejeição 539\n"));
    expect(response.statusCode).toBe(201);
    expect(response.json().contentType).toBe("text/plain");
  });

  it("a pending upload is its uploader's alone; a file on an internal note stays with staff", async () => {
    const pending = (await upload(customer, "pendente.png", PNG)).json();
    expect((await call(t.app, "GET", pending.url, undefined, { cookie: colleague })).statusCode).toBe(404);
    expect((await call(t.app, "GET", pending.url, undefined, { cookie: agent })).statusCode).toBe(404);
    expect((await call(t.app, "GET", pending.url, undefined, { cookie: customer })).statusCode).toBe(200);

    const number = (
      await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), { cookie: customer })
    ).json().number;
    const staffFile = (await upload(agent, "log-interno.txt", Buffer.from("dados internos"))).json();
    const note = await call(
      t.app,
      "POST",
      `/api/v1/tickets/${number}/messages`,
      { body: "Log do servidor", internal: true, attachmentIds: [staffFile.id] },
      { cookie: agent },
    );
    expect(note.statusCode).toBe(201);
    expect((await call(t.app, "GET", staffFile.url, undefined, { cookie: agent })).statusCode).toBe(200);
    expect((await call(t.app, "GET", staffFile.url, undefined, { cookie: customer })).statusCode).toBe(404);
    const seen = await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie: customer });
    expect(seen.body).not.toContain(staffFile.id);
  });

  it("a reply may carry just a file", async () => {
    const number = (
      await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), { cookie: customer })
    ).json().number;
    const file = (await upload(customer, "print.png", PNG)).json();
    const reply = await call(
      t.app,
      "POST",
      `/api/v1/tickets/${number}/messages`,
      { attachmentIds: [file.id] },
      { cookie: customer },
    );
    expect(reply.statusCode).toBe(201);
    expect(reply.json().events.at(-1)).toMatchObject({ type: "attachment_added", bodyHtml: null });
  });

  it("withdraws a pending upload (row and file), but never a file already sent", async () => {
    const before = storedFiles().length;
    const pending = (await upload(customer, "engano.png", PNG)).json();
    expect(storedFiles().length).toBe(before + 1);
    expect((await call(t.app, "DELETE", pending.url, undefined, { cookie: colleague })).statusCode).toBe(404);
    expect((await call(t.app, "DELETE", pending.url, undefined, { cookie: customer })).statusCode).toBe(204);
    expect(storedFiles().length).toBe(before);
    expect((await call(t.app, "GET", pending.url, undefined, { cookie: customer })).statusCode).toBe(404);

    const sent = (await upload(customer, "enviado.png", PNG)).json();
    await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      { ...ticketBody(catalog), attachmentIds: [sent.id] },
      { cookie: customer },
    );
    const refused = await call(t.app, "DELETE", sent.url, undefined, { cookie: customer });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("attachment.attached");
  });

  it("needs a file and a session", async () => {
    const noFile = await call(t.app, "POST", "/api/v1/attachments", {}, { cookie: customer });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.fields).toEqual({ file: "Envie um arquivo no campo “file”." });
    expect((await upload("extranet_session=nope", "a.png", PNG)).statusCode).toBe(401);
  });
});
