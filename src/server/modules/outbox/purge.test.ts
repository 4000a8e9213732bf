// The maintenance job forgets e-mails sent more than three months ago; failed and waiting ones stay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/support/app";
import { newId } from "../../crypto";
import { runMaintenance } from "../../jobs/maintenance";
import { insertEmails, type NewEmail, OUTBOX_KEEP_DAYS } from "./repository";

const DAY = 24 * 3_600_000;

function email(subject: string): NewEmail {
  const id = newId();
  return {
    id,
    purpose: "ticket_reply",
    recipientId: null,
    to: "fernanda.lima@paulistaalimentos.com.br",
    subject,
    text: "Olá, Fernanda.",
    html: "<p>Olá, Fernanda.</p>",
    messageId: `<${id}@extranet.test>`,
    replyTo: null,
    headers: {},
    ticketId: null,
  };
}

describe("purging the outbox", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("removes sent e-mails past the keeping period, keeps recent, failed and waiting ones", async () => {
    const old = t.clock.now();
    const mails = ["sent long ago", "failed long ago", "waiting long ago"].map(email);
    await insertEmails(t.ctx.db, mails, old);
    await t.ctx.db
      .updateTable("outbox_message")
      .set({ state: "sent", sent_at: old })
      .where("subject", "=", "sent long ago")
      .execute();
    await t.ctx.db
      .updateTable("outbox_message")
      .set({ state: "failed" })
      .where("subject", "=", "failed long ago")
      .execute();
    t.clock.advance(OUTBOX_KEEP_DAYS * DAY + 1000);
    const recent = email("sent recently");
    await insertEmails(t.ctx.db, [recent], t.clock.now());
    await t.ctx.db
      .updateTable("outbox_message")
      .set({ state: "sent", sent_at: t.clock.now() })
      .where("id", "=", recent.id)
      .execute();

    expect((await runMaintenance(t.ctx)).sentEmails).toBe(1);
    const left = await t.ctx.db.selectFrom("outbox_message").select("subject").orderBy("subject").execute();
    expect(left.map((row) => row.subject)).toEqual(["failed long ago", "sent recently", "waiting long ago"]);
    expect((await runMaintenance(t.ctx)).sentEmails).toBe(0);
  });
});
