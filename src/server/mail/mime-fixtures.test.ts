// Replies as the mail clients customers use really write them, in pt-BR, with attachments: Gmail
// (multipart/alternative with a gmail_quote), Outlook (the "De: … Enviado: …" block under a line)
// and Apple Mail on an iPhone ("Enviado do meu iPhone", "Em … à(s) …, … escreveu:"). Each must post
// only the new text, with its file, as the customer's reply.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { receiveEmail } from "./inbound";
import { replyAddress } from "./reply-address";

const SECRET = "segredo-de-teste-com-mais-de-32-caracteres";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const b64 = (data: Buffer) => data.toString("base64").replace(/(.{76})/g, "$1\r\n");

function gmail(from: string, to: string, number: number): string {
  return [
    `From: Fernanda Lima <${from}>`,
    `To: Suporte UNO <${to}>`,
    `Subject: Re: [#${number}] Nota fiscal não transmite`,
    "Date: Mon, 7 Dec 2026 10:12:00 -0300",
    "Message-ID: <CAFx8k2gmail001@mail.gmail.com>",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="000000000000mixed"',
    "",
    "--000000000000mixed",
    'Content-Type: multipart/alternative; boundary="000000000000alt"',
    "",
    "--000000000000alt",
    'Content-Type: text/plain; charset="UTF-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "Bom dia, Juliana.",
    "",
    "Segue o print da rejei=C3=A7=C3=A3o 539 que aparece ao transmitir.",
    "",
    "Em seg., 7 de dez. de 2026 =C3=A0s 09:40, Suporte UNO <",
    `${to}> escreveu:`,
    "",
    "> Ol=C3=A1, Fernanda! Pode enviar o print da mensagem de erro?",
    ">",
    "",
    "--000000000000alt",
    'Content-Type: text/html; charset="UTF-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    '<div dir=3D"ltr">Bom dia, Juliana.<div><br></div><div>Segue o print da rejei=C3=A7=C3=A3o 539 que aparece ao transmitir.</div></div><br><div class=3D"gmail_quote"><div dir=3D"ltr" class=3D"gmail_attr">Em seg., 7 de dez. de 2026 =C3=A0s 09:40, Suporte UNO &lt;suporte&gt; escreveu:<br></div><blockquote class=3D"gmail_quote">Ol=C3=A1, Fernanda! Pode enviar o print da mensagem de erro?</blockquote></div>',
    "",
    "--000000000000alt--",
    "--000000000000mixed",
    'Content-Type: image/png; name="rejeicao-539.png"',
    'Content-Disposition: attachment; filename="rejeicao-539.png"',
    "Content-Transfer-Encoding: base64",
    "",
    b64(PNG),
    "--000000000000mixed--",
    "",
  ].join("\r\n");
}

function outlook(from: string, to: string, number: number): string {
  return [
    `From: Bruno Carvalho <${from}>`,
    `To: "Suporte UNO" <${to}>`,
    `Subject: RE: [#${number}] Nota fiscal não transmite`,
    "Date: Mon, 7 Dec 2026 11:05:00 +0000",
    "Message-ID: <CP4PR80MB1234ABCD@CP4PR80MB1234.lamprd80.prod.outlook.com>",
    "Thread-Topic: [#1042] Nota fiscal",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="_004_CP4PR80MB1234_"',
    "",
    "--_004_CP4PR80MB1234_",
    'Content-Type: text/plain; charset="iso-8859-1"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "Juliana, bom dia.",
    "",
    "Anexei o DANFE da nota 4512 para confer=EAncia.",
    "",
    "Atenciosamente,",
    "Bruno Carvalho",
    "",
    "________________________________",
    `De: Suporte UNO <${to}>`,
    "Enviado: segunda-feira, 7 de dezembro de 2026 09:40",
    `Para: Bruno Carvalho <${from}>`,
    `Assunto: [#${number}] Nota fiscal n=E3o transmite`,
    "",
    "Ol=E1, Bruno! Pode enviar o DANFE?",
    "",
    "--_004_CP4PR80MB1234_",
    'Content-Type: application/pdf; name="DANFE-4512.pdf"',
    'Content-Disposition: attachment; filename="DANFE-4512.pdf"; size=60',
    "Content-Transfer-Encoding: base64",
    "",
    b64(PDF),
    "--_004_CP4PR80MB1234_--",
    "",
  ].join("\r\n");
}

function appleMail(from: string, to: string, number: number): string {
  return [
    `From: Fernanda Lima <${from}>`,
    `To: Suporte UNO <${to}>`,
    `Subject: Re: [#${number}] Nota fiscal não transmite`,
    "Date: Mon, 7 Dec 2026 12:30:00 -0300",
    "Message-Id: <5F1C2D3E-AAAA-BBBB-CCCC-0123456789AB@paulistaalimentos.com.br>",
    "Mime-Version: 1.0 (1.0)",
    "X-Mailer: iPhone Mail (22B91)",
    'Content-Type: multipart/mixed; boundary="Apple-Mail-1A2B3C"',
    "",
    "--Apple-Mail-1A2B3C",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "Voltou a transmitir, obrigada!",
    "",
    "Enviado do meu iPhone",
    "",
    // The attribution wraps, its second half without the "> " (as iPhones have written it).
    "> Em 7 de dez. de 2026, =C3=A0(s) 11:50, Suporte UNO <",
    `${to}> escreveu:`,
    ">",
    "> =EF=BB=BFOl=C3=A1, Fernanda. A SEFAZ voltou a responder.",
    "",
    "--Apple-Mail-1A2B3C",
    "Content-Type: image/png; name=IMG_0042.png",
    "Content-Disposition: attachment; filename=IMG_0042.png",
    "Content-Transfer-Encoding: base64",
    "",
    b64(PNG),
    "--Apple-Mail-1A2B3C--",
    "",
  ].join("\r\n");
}

describe("replies from real mail clients (pt-BR MIME)", () => {
  let t: TestApp;
  let catalog: Catalog;
  let fernanda: MadeUser;
  let bruno: MadeUser;

  beforeAll(async () => {
    t = await buildTestApp({ env: { MAIL_REPLY_SECRET: SECRET, MAIL_REPLY_DOMAIN: "extranet.test" } });
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    fernanda = await makeUser(t.ctx, "customer", {
      company,
      email: "fernanda.lima@paulistaalimentos.com.br",
    });
    bruno = await makeUser(t.ctx, "customer_admin", {
      company,
      email: "bruno.carvalho@paulistaalimentos.com.br",
    });
  });
  afterAll(() => t.close());

  const replyOf = async (number: number) => {
    const events = await t.ctx.db
      .selectFrom("ticket_event")
      .innerJoin("ticket", "ticket.id", "ticket_event.ticket_id")
      .select(["ticket_event.id", "ticket_event.body", "ticket_event.actor_id"])
      .where("ticket.number", "=", number)
      .where("ticket_event.type", "=", "message")
      .execute();
    const files = await t.ctx.db
      .selectFrom("attachment")
      .select(["filename", "content_type", "event_id"])
      .where("event_id", "in", events.length ? events.map((e) => e.id) : [""])
      .execute();
    return { events, files };
  };

  it.each([
    [
      "Gmail",
      gmail,
      "fernanda",
      "Bom dia, Juliana.\n\nSegue o print da rejeição 539 que aparece ao transmitir.",
      ["rejeicao-539.png", "image/png"],
    ],
    [
      "Outlook",
      outlook,
      "bruno",
      "Juliana, bom dia.\n\nAnexei o DANFE da nota 4512 para conferência.\n\nAtenciosamente,\nBruno Carvalho",
      ["DANFE-4512.pdf", "application/pdf"],
    ],
    ["Apple Mail", appleMail, "fernanda", "Voltou a transmitir, obrigada!", ["IMG_0042.png", "image/png"]],
  ] as const)("%s: only the new text, with its file", async (_client, write, who, text, file) => {
    const number = await makeTicket(t.ctx, catalog, fernanda);
    const sender = who === "bruno" ? bruno : fernanda;
    const to = replyAddress(SECRET, { local: "suporte", domain: "extranet.test" }, number, fernanda.id);
    const outcome = await receiveEmail(t.ctx, write(sender.email, to, number), {
      mailFrom: sender.email,
      rcptTo: [to],
    });
    expect(outcome).toEqual({ kind: "posted", ticketNumber: number, userId: sender.id });
    const { events, files } = await replyOf(number);
    expect(events.map((e) => [e.body, e.actor_id])).toEqual([[text, sender.id]]);
    expect(files.map((f) => [f.filename, f.content_type])).toEqual([file]);
  });
});
