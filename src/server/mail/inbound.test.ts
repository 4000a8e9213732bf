// Replies by e-mail, through the real SMTP listener with Debian's swaks as the sending client, on
// both databases: a reply to a signed address becomes the customer's reply (new text only); a
// colleague of the same company may answer; forged addresses, strangers, auto-replies, bounces and
// our own e-mails never post; a redelivery posts once; a new e-mail is answered once with the way
// to open a ticket.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/app";
import { PNG } from "../../../test/support/console";
import {
  type Catalog,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
} from "../../../test/support/factories";
import { type InboundListener, startSmtpListener } from "./listener";
import { replyAddress } from "./reply-address";

const run = promisify(execFile);
const SECRET = "segredo-de-teste-com-mais-de-32-caracteres";
const MAILBOX = { local: "suporte", domain: "extranet.test" };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe("replies by e-mail (SMTP listener)", () => {
  let t: TestApp;
  let listener: InboundListener;
  let catalog: Catalog;
  let fernanda: MadeUser;
  let bruno: MadeUser;
  let stranger: MadeUser;

  beforeAll(async () => {
    t = await buildTestApp({
      env: { MAIL_REPLY_SECRET: SECRET, MAIL_REPLY_DOMAIN: "extranet.test", SMTP_LISTEN_PORT: "2525" },
    });
    listener = await startSmtpListener(t.ctx, { port: 0, host: "127.0.0.1" }, silent);
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx, { name: "Distribuidora Paulista de Alimentos" });
    fernanda = await makeUser(t.ctx, "customer", {
      company,
      name: "Fernanda Lima",
      email: "fernanda.lima@paulistaalimentos.com.br",
    });
    bruno = await makeUser(t.ctx, "customer_admin", {
      company,
      name: "Bruno Carvalho",
      email: "bruno.carvalho@paulistaalimentos.com.br",
    });
    stranger = await makeUser(t.ctx, "customer", { name: "Ana Rocha", email: "ana.rocha@valedoaco.ind.br" });
  });
  afterAll(async () => {
    await listener.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.ctx.db.deleteFrom("outbox_message").execute();
  });

  /** Sends an e-mail with swaks: a real SMTP conversation with the listener. */
  async function swaks(options: {
    from: string;
    to: string;
    body: string;
    headers?: string[];
    envelopeFrom?: string;
    /** The body's type; null leaves it to swaks (a MIME message, when files are attached). */
    contentType?: string | null;
    /** Further swaks arguments (attachments). */
    extra?: string[];
  }) {
    const args = [
      "--server",
      `127.0.0.1:${listener.port}`,
      "--from",
      options.envelopeFrom ?? options.from,
      "--to",
      options.to,
      "--header",
      `From: ${options.from}`,
      "--header",
      "Subject: Re: [#1042] Nota fiscal",
      ...(options.contentType === null
        ? []
        : ["--header", `Content-Type: ${options.contentType ?? "text/plain; charset=utf-8"}`]),
      ...(options.headers ?? []).flatMap((h) => ["--header", h]),
      "--body",
      options.body,
      ...(options.extra ?? []),
      "--silent",
      "2",
    ];
    const started = Date.now();
    try {
      return await run("swaks", args, { timeout: 10_000 });
    } finally {
      if (process.env.DEBUG_SWAKS) console.log(options.body, Date.now() - started);
    }
  }
  const messagesOf = (number: number) =>
    t.ctx.db
      .selectFrom("ticket_event")
      .innerJoin("ticket", "ticket.id", "ticket_event.ticket_id")
      .select(["ticket_event.body", "ticket_event.actor_id", "ticket_event.internal"])
      .where("ticket.number", "=", number)
      .where("ticket_event.type", "=", "message")
      .execute();
  const addressFor = (number: number, user: MadeUser) => replyAddress(SECRET, MAILBOX, number, user.id);

  it("posts the new text of a reply to its ticket as the customer, history and signature removed", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    const body = [
      "Bom dia,",
      "",
      "Segue o número da nota: 4512. O erro continua.",
      "",
      "Enviado do meu iPhone",
      "",
      `Em seg., 7 de dez. de 2026 às 10:00, Suporte UNO <${addressFor(number, fernanda)}> escreveu:`,
      "> Olá, Fernanda. Pode informar o número da nota?",
    ].join("\n");
    await swaks({
      from: fernanda.email,
      to: addressFor(number, fernanda),
      body,
      headers: ["Message-Id: <r1@mail.paulistaalimentos.com.br>"],
    });

    const messages = await messagesOf(number);
    expect(messages).toEqual([
      {
        body: "Bom dia,\n\nSegue o número da nota: 4512. O erro continua.",
        actor_id: fernanda.id,
        internal: 0,
      },
    ]);
    // The same e-mail delivered again (the sender's server retrying) posts nothing more.
    await swaks({
      from: fernanda.email,
      to: addressFor(number, fernanda),
      body,
      headers: ["Message-Id: <r1@mail.paulistaalimentos.com.br>"],
    });
    expect(await messagesOf(number)).toHaveLength(1);
  });

  it("takes a reply from a colleague of the same company, cutting Outlook's quoted header", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    const body = [
      "Pode finalizar, obrigado.",
      "",
      "De: Suporte UNO <suporte@extranet.test>",
      "Enviado: segunda-feira, 7 de dezembro de 2026 10:00",
      "Para: Fernanda Lima <fernanda.lima@paulistaalimentos.com.br>",
      "Assunto: [#1042] Nota fiscal",
      "",
      "Olá, Fernanda.",
    ].join("\n");
    await swaks({ from: bruno.email, to: addressFor(number, fernanda), body });
    expect(await messagesOf(number)).toEqual([
      { body: "Pode finalizar, obrigado.", actor_id: bruno.id, internal: 0 },
    ]);
  });

  it("never posts a forged address, a stranger's e-mail, an auto-reply, a bounce or one of our own", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    const forged = `suporte+${number}-0123456789abcdef0123@extranet.test`;
    await swaks({ from: fernanda.email, to: forged, body: "Forjado." });
    // Another ticket's signature does not open this one.
    const other = await makeTicket(t.ctx, catalog, fernanda);
    const signature = addressFor(other, fernanda).split("-")[1];
    await swaks({ from: fernanda.email, to: `suporte+${number}-${signature}`, body: "Trocado." });
    await swaks({ from: stranger.email, to: addressFor(number, fernanda), body: "Outra empresa." });
    await swaks({
      from: fernanda.email,
      to: addressFor(number, fernanda),
      body: "Estou de férias.",
      headers: ["Auto-Submitted: auto-replied"],
    });
    await swaks({
      from: fernanda.email,
      to: addressFor(number, fernanda),
      body: "Ausente.",
      headers: ["X-Autoreply: yes"],
    });
    await swaks({
      from: fernanda.email,
      to: addressFor(number, fernanda),
      body: "Lista.",
      headers: ["Precedence: bulk"],
    });
    await swaks({
      from: "MAILER-DAEMON@mail.paulistaalimentos.com.br",
      to: addressFor(number, fernanda),
      body: "Undelivered.",
    });
    await swaks({
      from: fernanda.email,
      envelopeFrom: "<>",
      to: addressFor(number, fernanda),
      body: "Bounce.",
    });
    // One of our own e-mails coming back (a loop).
    const ours = await t.ctx.db.selectFrom("outbox_message").select("message_id").executeTakeFirst();
    await makeTicket(t.ctx, catalog, fernanda);
    const own = await t.ctx.db.selectFrom("outbox_message").select("message_id").executeTakeFirstOrThrow();
    await swaks({
      from: fernanda.email,
      to: addressFor(number, fernanda),
      body: "Eco.",
      headers: [`Message-Id: ${ours?.message_id ?? own.message_id}`],
    });

    expect(await messagesOf(number)).toEqual([]);
    // The same address, sender and ticket with none of the above: posted (the refusals were for their reasons).
    await swaks({ from: fernanda.email, to: addressFor(number, fernanda), body: "Agora sim." });
    expect((await messagesOf(number)).map((m) => m.body)).toEqual(["Agora sim."]);
  });

  it("refuses mail for any other domain at RCPT: no relaying", async () => {
    await expect(swaks({ from: fernanda.email, to: "alguem@gmail.com", body: "Relay?" })).rejects.toThrow();
  });

  it("answers a new e-mail (not a reply) once a day with how to open a ticket, and strangers not at all", async () => {
    await swaks({ from: fernanda.email, to: "suporte@extranet.test", body: "Meu boleto não gera." });
    await swaks({ from: fernanda.email, to: "suporte@extranet.test", body: "De novo: o boleto não gera." });
    await swaks({ from: "curioso@gmail.com", to: "suporte@extranet.test", body: "Olá?" });

    const answers = await t.ctx.db.selectFrom("outbox_message").selectAll().execute();
    expect(answers.map((a) => [a.purpose, a.to_address])).toEqual([["inbound_not_a_reply", fernanda.email]]);
    expect(answers[0]?.text_body).toContain("http://extranet.test/portal/new");
    expect(answers[0]?.subject).toBe("Como abrir uma ocorrência na Extranet UNO");
  });

  it("turns an HTML-only e-mail into text, never HTML", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    await swaks({
      from: fernanda.email,
      to: addressFor(number, fernanda),
      contentType: "text/html; charset=utf-8",
      body: '<p>O <b>erro</b> sumiu.</p><script>alert(1)</script><img src="x" onerror="alert(2)">',
    });
    const [message] = await messagesOf(number);
    expect(message?.body).toContain("erro");
    expect(message?.body).not.toContain("<");
    expect(message?.body).not.toContain("alert");
  });

  it("attaches the e-mail's files through the portal's checks and says which one was refused", async () => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    const dir = await mkdtemp(path.join(tmpdir(), "inbound-"));
    const png = path.join(dir, "tela-erro.png");
    const exe = path.join(dir, "corrige.exe");
    await writeFile(png, PNG);
    await writeFile(exe, Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]));
    await swaks({
      from: fernanda.email,
      to: addressFor(number, fernanda),
      contentType: null,
      body: "Segue o print do erro.",
      extra: [
        "--attach-type",
        "image/png",
        "--attach-name",
        "tela-erro.png",
        "--attach",
        `@${png}`,
        "--attach-type",
        "application/octet-stream",
        "--attach-name",
        "corrige.exe",
        "--attach",
        `@${exe}`,
      ],
    });
    const [message] = await messagesOf(number);
    expect(message?.body).toContain("Segue o print do erro.");
    expect(message?.body).toContain('O anexo "corrige.exe" enviado por e-mail não foi aceito');
    const files = await t.ctx.db
      .selectFrom("attachment")
      .innerJoin("ticket", "ticket.id", "attachment.ticket_id")
      .select(["attachment.filename", "attachment.content_type"])
      .where("ticket.number", "=", number)
      .execute();
    expect(files).toEqual([{ filename: "tela-erro.png", content_type: "image/png" }]);
  });
});
