// The outbox-drain scenario's data: a migrated database holding `count` queued ticket e-mails, each
// rendered like a real "ocorrência registrada" in pt-BR, written before the server that drains them starts.
import { loadConfig } from "../src/server/config";
import { newId } from "../src/server/crypto";
import { ticketEmailParts } from "../src/server/mail/messages";
import { renderEmail } from "../src/server/mail/render";
import { insertEmails, type NewEmail } from "../src/server/modules/outbox/repository";
import { closeContext, openContext } from "../src/server/runtime";

const CHUNK = 500;

export async function queueTicketEmails(
  env: Record<string, string>,
  count: number,
  log: (line: string) => void,
): Promise<void> {
  const config = loadConfig({ ...env, LOG_LEVEL: "silent", EXTRANET_SEED_DEMO: "false" });
  const ctx = await openContext(config);
  try {
    let written = 0;
    while (written < count) {
      const emails = Array.from({ length: Math.min(CHUNK, count - written) }, (_, i) => email(written + i));
      await ctx.db.transaction().execute((trx) => insertEmails(trx, emails, Date.now()));
      written += emails.length;
      if (written % 2_000 === 0 || written === count) log(`queued ${written} of ${count} e-mails`);
    }
  } finally {
    await closeContext(ctx);
  }
}

function email(index: number): NewEmail {
  const number = 10_000 + index;
  const rendered = renderEmail(
    "UNO",
    ticketEmailParts("pt-BR", "ticket_opened", {
      brand: "UNO",
      product: "UNO ERP",
      signature: "Equipe de Suporte UNO",
      recipientFirstName: "Fernanda",
      number,
      subject: "NF-e rejeitada ao faturar o pedido 5521",
      companyName: "Distribuidora Paulista de Alimentos",
      statusLabel: "Aberta",
      url: `http://localhost:3000/portal/tickets/${number}`,
      actorName: null,
      deadlines: [
        ["Primeira resposta", "07/12/2026 10:00"],
        ["Resolução", "09/12/2026 17:00"],
      ],
      replyByEmail: false,
      preferencesUrl: "http://localhost:3000/profile",
    }),
  );
  const id = newId();
  return {
    id,
    purpose: "ticket_opened",
    recipientId: null,
    to: `cliente${index}@paulistaalimentos.com.br`,
    ...rendered,
    messageId: `<${id}@localhost>`,
    replyTo: null,
    headers: { "Auto-Submitted": "auto-generated", "X-Extranet-Ticket": String(number) },
    ticketId: null,
  };
}
