// Replies read from a hosted mailbox over IMAP (imapflow) against a real IMAP server in the test
// process (hoodiecrow): a reply becomes the customer's reply and is marked seen; an auto-reply is
// marked seen and never posts; a second poll posts nothing again.
import hoodiecrow from "hoodiecrow-imap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/app";
import {
  type Catalog,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
} from "../../../test/support/factories";
import { type ImapPoller, startImapPoller } from "./imap";
import { replyAddress } from "./reply-address";

const SECRET = "segredo-de-teste-com-mais-de-32-caracteres";
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

function message(options: {
  from: string;
  to: string;
  id: string;
  body: string;
  headers?: string[];
}): string {
  return [
    `Return-Path: <${options.from}>`,
    `Delivered-To: ${options.to}`,
    `From: ${options.from}`,
    `To: ${options.to}`,
    "Subject: Re: [#1042] Nota fiscal",
    `Message-Id: <${options.id}@mail.paulistaalimentos.com.br>`,
    "Content-Type: text/plain; charset=utf-8",
    ...(options.headers ?? []),
    "",
    options.body,
  ].join("\r\n");
}

describe("replies by e-mail (IMAP mailbox)", () => {
  let t: TestApp;
  let catalog: Catalog;
  let fernanda: MadeUser;
  let server: ReturnType<typeof hoodiecrow>;
  let poller: ImapPoller;
  let number: number;
  const inbox: { raw: string; flags?: string[] }[] = [];

  beforeAll(async () => {
    t = await buildTestApp({ env: { MAIL_REPLY_SECRET: SECRET, MAIL_REPLY_DOMAIN: "extranet.test" } });
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    fernanda = await makeUser(t.ctx, "customer", {
      company,
      email: "fernanda.lima@paulistaalimentos.com.br",
    });
    number = await makeTicket(t.ctx, catalog, fernanda);
    const to = replyAddress(SECRET, { local: "suporte", domain: "extranet.test" }, number, fernanda.id);
    inbox.push(
      { raw: message({ from: fernanda.email, to, id: "r1", body: "O boleto voltou a gerar, obrigada." }) },
      {
        raw: message({
          from: fernanda.email,
          to,
          id: "r2",
          body: "Estou de férias até segunda.",
          headers: ["Auto-Submitted: auto-replied"],
        }),
      },
    );
    server = hoodiecrow({
      users: { suporte: { password: "senha-imap" } },
      storage: { INBOX: { messages: inbox } },
    });
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const address = server.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    poller = startImapPoller(t.ctx, `imap://suporte:senha-imap@127.0.0.1:${port}/INBOX`, 3_600_000, silent);
  });
  afterAll(async () => {
    await poller.stop();
    await new Promise<void>((resolve) => server.close(resolve));
    await t.close();
  });

  const messagesOf = () =>
    t.ctx.db
      .selectFrom("ticket_event")
      .innerJoin("ticket", "ticket.id", "ticket_event.ticket_id")
      .select(["ticket_event.body", "ticket_event.actor_id"])
      .where("ticket.number", "=", number)
      .where("ticket_event.type", "=", "message")
      .execute();

  it("posts a reply from the mailbox once, ignores the auto-reply, and marks both seen", async () => {
    expect(await poller.pollOnce()).toBe(2);
    expect(await messagesOf()).toEqual([
      { body: "O boleto voltou a gerar, obrigada.", actor_id: fernanda.id },
    ]);
    // Both are seen now: the next poll finds nothing to read.
    expect(await poller.pollOnce()).toBe(0);
    expect(await messagesOf()).toHaveLength(1);
  });
});
