// Idempotency-Key on opening a ticket and replying: a retry (a lost answer, a double click, a crash
// between commit and answer) replays the first run instead of writing twice.
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

describe("Idempotency-Key", () => {
  let t: TestApp;
  let catalog: Catalog;
  let fernanda: MadeUser;
  let customer: string;
  let colleague: string;
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    fernanda = await makeUser(t.ctx, "customer", { company });
    customer = await loginAs(t.app, fernanda);
    colleague = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));
  });
  afterAll(() => t.close());

  const open = (cookie: string, key: string | undefined, subject = "NF-e rejeitada ao faturar") =>
    call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog, { subject }), {
      cookie,
      headers: key === undefined ? {} : { "idempotency-key": key },
    });
  const count = async (subject: string) =>
    Number(
      (
        await t.ctx.db
          .selectFrom("ticket")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("subject", "=", subject)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("opens one ticket for two submissions with the same key and answers both with it", async () => {
    const subject = "Boleto não gerado para o pedido 5521";
    const first = await open(customer, "form-1", subject);
    const retry = await open(customer, "form-1", subject);
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.json().number).toBe(first.json().number);
    expect(await count(subject)).toBe(1);
  });

  it("opens one ticket when the same submission races itself", async () => {
    const subject = "Pedido duplicado ao clicar duas vezes";
    const answers = await Promise.all(Array.from({ length: 8 }, () => open(customer, "form-race", subject)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.json().number)).size).toBe(1);
    expect(await count(subject)).toBe(1);
  });

  it("refuses the same key with another request (422) and writes nothing", async () => {
    await open(customer, "form-2", "Primeira versão do assunto");
    const other = await open(customer, "form-2", "Outro assunto com a mesma chave");
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({ code: "idempotency.key_reused" });
    expect(other.json().error.message).toContain("Idempotency-Key");
    expect(await count("Outro assunto com a mesma chave")).toBe(0);
  });

  it("keeps each user's keys their own", async () => {
    const subject = "Mesma chave, outra pessoa";
    const mine = await open(customer, "shared-key", subject);
    const theirs = await open(colleague, "shared-key", subject);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().number).not.toBe(mine.json().number);
  });

  it("does not spend a key on a refused request: the corrected one runs", async () => {
    const refused = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      { ...ticketBody(catalog, { subject: "Sem tela" }), screenCode: "XXX9999" },
      { cookie: customer, headers: { "idempotency-key": "form-3" } },
    );
    expect(refused.statusCode).toBe(400);
    const corrected = await open(customer, "form-3", "Sem tela");
    expect(corrected.statusCode).toBe(201);
  });

  it("refuses a malformed key with the field named", async () => {
    for (const key of ["x".repeat(256), "com espaço", "ç"]) {
      const response = await open(customer, key);
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.json().error.fields)).toEqual(["idempotency-key"]);
    }
  });

  it("posts one reply for two sends of the same reply", async () => {
    const number = (await open(customer, undefined, "Resposta duplicada")).json().number;
    const reply = () =>
      call(
        t.app,
        "POST",
        `/api/v1/tickets/${number}/messages`,
        { body: "Segue o XML da nota." },
        { cookie: customer, headers: { "idempotency-key": "reply-1" } },
      );
    const [first, second] = [await reply(), await reply()];
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    const messages = second.json().events.filter((e: { type: string }) => e.type === "message");
    expect(messages).toHaveLength(1);
    // The key names the reply, not the ticket: the same key on another ticket is another request.
    const elsewhere = (await open(customer, undefined, "Outra")).json().number;
    const reused = await call(
      t.app,
      "POST",
      `/api/v1/tickets/${elsewhere}/messages`,
      { body: "Segue o XML da nota." },
      { cookie: customer, headers: { "idempotency-key": "reply-1" } },
    );
    expect(reused.statusCode).toBe(422);
  });
});
