// The delivery worker against a real SMTP server (smtp-server in this process), on SQLite and
// PostgreSQL: each e-mail sent once with its Message-ID, retried with backoff after a refusal,
// failed after the last attempt, given back on stop, and claimed by one of two racing workers only.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/support/app";
import { startTestSmtp, type TestSmtp } from "../../../../test/support/smtp";
import { newId } from "../../crypto";
import { smtpTransport } from "../../mail/smtp";
import { claimDue } from "./lease-queue";
import { insertEmails, type NewEmail } from "./repository";
import { MAX_ATTEMPTS, OutboxWorker, RETRY_DELAYS_MS } from "./worker";

const FROM = '"Suporte UNO" <suporte@uno.com.br>';

function email(overrides: Partial<NewEmail> = {}): NewEmail {
  const id = newId();
  return {
    id,
    purpose: "ticket_reply",
    recipientId: null,
    to: "bruno.carvalho@paulistaalimentos.com.br",
    subject: "[#1042] Nota fiscal não transmite",
    text: "Bom dia, Bruno.\n\nA SEFAZ voltou a responder.",
    html: "<p>Bom dia, Bruno.</p><p>A SEFAZ voltou a responder.</p>",
    messageId: `<${id}@extranet.test>`,
    replyTo: null,
    headers: { "Auto-Submitted": "auto-generated" },
    ticketId: null,
    ...overrides,
  };
}

describe("the outbox's delivery worker", () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let workers: OutboxWorker[] = [];

  const worker = (options: { batch?: number; leaseMs?: number; concurrency?: number } = {}) => {
    const w = new OutboxWorker(t.ctx, smtpTransport(smtp.url), { from: async () => FROM, ...options });
    workers.push(w);
    return w;
  };
  const row = (id: string) =>
    t.ctx.db.selectFrom("outbox_message").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await buildTestApp();
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });
  beforeEach(async () => {
    smtp.received.length = 0;
    smtp.holdEach(0);
    await t.ctx.db.deleteFrom("outbox_message").execute();
  });
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    workers = [];
  });

  it("sends a queued e-mail over SMTP with its headers and marks it sent", async () => {
    const mail = email({ replyTo: "suporte+1042-abc@extranet.test" });
    await insertEmails(t.ctx.db, [mail], t.clock.now());

    expect(await worker().deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });

    const [received] = await smtp.waitFor(1);
    expect(received?.envelopeTo).toEqual(["bruno.carvalho@paulistaalimentos.com.br"]);
    expect(received?.parsed.messageId).toBe(mail.messageId);
    expect(received?.parsed.subject).toBe("[#1042] Nota fiscal não transmite");
    expect(received?.parsed.text).toContain("A SEFAZ voltou a responder.");
    expect(received?.parsed.html).toContain("<p>Bom dia, Bruno.</p>");
    expect(received?.parsed.replyTo?.text).toBe("suporte+1042-abc@extranet.test");
    expect(received?.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(received?.parsed.from?.text).toBe('"Suporte UNO" <suporte@uno.com.br>');
    const after = await row(mail.id);
    expect(after).toMatchObject({ state: "sent", attempts: 1, sent_at: t.clock.now(), leased_by: null });
  });

  it("retries a refused e-mail with growing delays, keeps the error, and fails it after the last attempt", async () => {
    const mail = email();
    await insertEmails(t.ctx.db, [mail], t.clock.now());
    smtp.refuseNext(MAX_ATTEMPTS, "Caixa postal cheia");
    const w = worker();

    expect(await w.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    let after = await row(mail.id);
    expect(after.state).toBe("queued");
    expect(after.attempts).toBe(1);
    expect(after.last_error).toContain("Caixa postal cheia");
    expect(after.next_attempt_at).toBe(t.clock.now() + (RETRY_DELAYS_MS[0] ?? 0));

    // Not due yet: nothing happens.
    expect(await w.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      t.clock.advance(RETRY_DELAYS_MS[attempt - 2] ?? 0);
      await w.deliverDue();
      after = await row(mail.id);
      expect(after.attempts).toBe(attempt);
    }
    expect(after.state).toBe("failed");
    expect(after.last_error).toContain("Caixa postal cheia");
    expect(smtp.received).toHaveLength(0);
  });

  it("fails an e-mail at once when the server refuses it for good (5xx)", async () => {
    const mail = email();
    await insertEmails(t.ctx.db, [mail], t.clock.now());
    smtp.refuseNext(1, "Caixa postal inexistente", 550);
    expect(await worker().deliverDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const after = await row(mail.id);
    expect(after).toMatchObject({ state: "failed", attempts: 1 });
    expect(after.last_error).toContain("Caixa postal inexistente");
  });

  it("sends again, with the same Message-ID, an e-mail whose worker died holding it", async () => {
    const mail = email();
    await insertEmails(t.ctx.db, [mail], t.clock.now());
    // A worker claims it and dies before sending.
    const claimed = await t.ctx.db
      .transaction()
      .execute((trx) =>
        claimDue(trx, "outbox_message", "dead-worker", t.clock.now(), t.clock.now() + 120_000, 10),
      );
    expect(claimed.map((r) => r.id)).toEqual([mail.id]);

    const w = worker();
    expect(await w.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    t.clock.advance(120_001);
    expect(await w.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [received] = await smtp.waitFor(1);
    expect(received?.parsed.messageId).toBe(mail.messageId);
  });

  it("gives back what it claimed but did not send when it stops", async () => {
    const mails = [email(), email(), email()];
    await insertEmails(t.ctx.db, mails, t.clock.now());
    const w = worker({ batch: 3 });
    const round = w.deliverDue();
    await w.stop();
    const done = await round;
    const rows = await t.ctx.db.selectFrom("outbox_message").select(["state", "leased_by"]).execute();
    expect(rows.filter((r) => r.state === "sent")).toHaveLength(done.sent);
    expect(rows.filter((r) => r.state === "queued")).toHaveLength(3 - done.sent);
    expect(rows.every((r) => r.leased_by === null)).toBe(true);
    expect(rows.some((r) => r.state === "sending")).toBe(false);
  });

  it("delivers each e-mail exactly once when two workers race for them", async () => {
    const mails = Array.from({ length: 40 }, () => email());
    await insertEmails(t.ctx.db, mails, t.clock.now());
    const [a, b] = [worker({ batch: 5 }), worker({ batch: 5 })];

    const rounds = await Promise.all([a.deliverDue(), b.deliverDue()]);

    expect(rounds.reduce((sum, round) => sum + round.sent, 0)).toBe(40);
    const received = await smtp.waitFor(40);
    const ids = received.map((m) => m.parsed.messageId);
    expect(new Set(ids).size).toBe(40);
    expect(ids.sort()).toEqual(mails.map((m) => m.messageId).sort());
  });

  it("keeps several e-mails in flight at once, as many as its connections, when the relay is slow", async () => {
    const mails = Array.from({ length: 12 }, () => email());
    await insertEmails(t.ctx.db, mails, t.clock.now());
    smtp.holdEach(150);
    const started = Date.now();

    expect(await worker({ batch: 12, concurrency: 4 }).deliverDue()).toEqual({
      sent: 12,
      retried: 0,
      failed: 0,
    });

    expect(smtp.mostAtOnce).toBe(4);
    // One at a time cannot take less than twelve holds of 150 ms, 1.8 s; four at a time take three
    // holds and the conversations around them (1.5 s on a loaded CI machine: the bound is the serial one).
    expect(Date.now() - started).toBeLessThan(12 * 150);
  });
});
