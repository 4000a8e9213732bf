// The e-mail telling the admins that a webhook endpoint was disabled after failing for days, written
// into the outbox in the transaction that disabled it. Always sent (no preference turns it off).
import type { Locale } from "../../contracts/common";
import type { Config } from "../config";
import { newId } from "../crypto";
import type { Executor } from "../db/schema";
import { insertEmails, type NewEmail } from "../modules/outbox/repository";
import { readStoredSettings } from "../modules/settings/service";
import { activeAdmins } from "../modules/webhooks/repository";
import { type EmailParts, renderEmail } from "./render";
import { mailSetup } from "./setup";

interface DisabledEndpoint {
  id: string;
  url: string;
  failingSinceDays: number;
  lastError: string;
}

function parts(
  locale: Locale,
  name: string,
  endpoint: DisabledEndpoint,
  url: string,
  signature: string,
): EmailParts {
  const firstName = name.split(/\s+/)[0] ?? name;
  if (locale === "en") {
    return {
      subject: "Webhook disabled: it kept failing",
      greeting: `Hello, ${firstName}.`,
      paragraphs: [
        `The webhook ${endpoint.url} has failed every delivery for ${endpoint.failingSinceDays} days, so it was disabled: no new event is sent to it.`,
        `Last error: ${endpoint.lastError}`,
        "Once the receiving system is working again, enable the webhook and resend the deliveries it missed.",
      ],
      action: { label: "Open the webhooks", url },
      signature,
      footer: ["You receive this e-mail because you administer the Extranet."],
    };
  }
  return {
    subject: "Webhook desativado por falhas seguidas",
    greeting: `Olá, ${firstName}.`,
    paragraphs: [
      `O webhook ${endpoint.url} falhou em todas as entregas há ${endpoint.failingSinceDays} dias e foi desativado: nenhum evento novo é enviado a ele.`,
      `Último erro: ${endpoint.lastError}`,
      "Quando o sistema que recebe voltar a funcionar, ative o webhook e reenvie as entregas que ele perdeu.",
    ],
    action: { label: "Abrir os webhooks", url },
    signature,
    footer: ["Você recebe este e-mail porque administra a Extranet."],
  };
}

/** Writes one e-mail per active admin; returns how many. */
export async function recordWebhookDisabledEmails(
  trx: Executor,
  config: Config,
  endpoint: DisabledEndpoint,
  at: number,
): Promise<number> {
  const setup = mailSetup(config, await readStoredSettings(trx));
  const url = `${setup.origin}/console/integrations/webhooks/${endpoint.id}`;
  const emails: NewEmail[] = (await activeAdmins(trx)).map((admin) => {
    const id = newId();
    return {
      id,
      purpose: "webhook_disabled",
      recipientId: admin.id,
      to: admin.email,
      ...renderEmail(setup.brand, parts(admin.locale, admin.name, endpoint, url, setup.signature)),
      messageId: `<${id}@${setup.messageIdDomain}>`,
      replyTo: null,
      headers: { "Auto-Submitted": "auto-generated" },
      ticketId: null,
    };
  });
  await insertEmails(trx, emails, at);
  return emails.length;
}
