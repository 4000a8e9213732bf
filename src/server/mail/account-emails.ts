// Account e-mails: the invitation with its set-password link, and the link to a new password. Always
// sent (no preference turns them off), written in the transaction that issues the link.
import { DateTime } from "luxon";
import type { Locale } from "../../contracts/common";
import type { AppContext } from "../context";
import { newId } from "../crypto";
import type { Executor } from "../db/schema";
import { insertEmails } from "../modules/outbox/repository";
import { readStoredSettings } from "../modules/settings/service";
import { type EmailParts, renderEmail } from "./render";
import { mailSetup } from "./setup";

export interface AccountEmail {
  kind: "set_password" | "reset_password";
  user: { id: string; name: string; email: string; locale: Locale };
  url: string;
  expiresAt: number;
  /** Who created the account or asked for the link (staff); null when the person asked for it. */
  byName: string | null;
}

function parts(
  locale: Locale,
  brand: string,
  product: string,
  mail: AccountEmail,
  signature: string,
): EmailParts {
  const firstName = mail.user.name.split(/\s+/)[0] ?? mail.user.name;
  const until = DateTime.fromMillis(mail.expiresAt, { zone: "America/Sao_Paulo" })
    .setLocale(locale)
    .toFormat(locale === "pt-BR" ? "dd/MM/yyyy 'às' HH:mm" : "MM/dd/yyyy 'at' h:mm a");
  if (locale === "en") {
    return mail.kind === "set_password"
      ? {
          subject: `Your access to the ${brand} Extranet`,
          greeting: `Hello, ${firstName}.`,
          paragraphs: [
            `${mail.byName ?? `The ${brand} support team`} created your access to the ${brand} Extranet, where you open and follow your company's ${product} support tickets.`,
            `Choose your password with the link below. It is valid until ${until} (Brasília time) and works once.`,
          ],
          action: { label: "Choose my password", url: mail.url },
          signature,
          footer: [
            `If you did not expect this e-mail, ignore it: without the link nobody can use the account.`,
          ],
        }
      : {
          subject: `New password for the ${brand} Extranet`,
          greeting: `Hello, ${firstName}.`,
          paragraphs: [
            "We were asked for a new password for your account. If it was you, use the link below: it is valid until " +
              `${until} (Brasília time) and works once. Setting the new password ends every open session.`,
            "If it was not you, ignore this e-mail: your password stays as it is.",
          ],
          action: { label: "Choose a new password", url: mail.url },
          signature,
          footer: [`You receive this e-mail because you have an account on the ${brand} Extranet.`],
        };
  }
  return mail.kind === "set_password"
    ? {
        subject: `Seu acesso à Extranet ${brand}`,
        greeting: `Olá, ${firstName}.`,
        paragraphs: [
          `${mail.byName ?? `A equipe de suporte ${brand}`} criou o seu acesso à Extranet ${brand}, onde você abre e acompanha as ocorrências de suporte do ${product} da sua empresa.`,
          `Defina a sua senha pelo link abaixo. Ele vale até ${until} (horário de Brasília) e só pode ser usado uma vez.`,
        ],
        action: { label: "Definir minha senha", url: mail.url },
        signature,
        footer: ["Se você não esperava este e-mail, ignore-o: sem o link, ninguém usa a conta."],
      }
    : {
        subject: `Nova senha da Extranet ${brand}`,
        greeting: `Olá, ${firstName}.`,
        paragraphs: [
          `Recebemos um pedido de nova senha para a sua conta. Se foi você, use o link abaixo: ele vale até ${until} (horário de Brasília) e só pode ser usado uma vez. Ao definir a nova senha, todas as sessões abertas são encerradas.`,
          "Se não foi você, ignore este e-mail: a sua senha continua a mesma.",
        ],
        action: { label: "Definir nova senha", url: mail.url },
        signature,
        footer: [`Você recebe este e-mail porque tem uma conta na Extranet ${brand}.`],
      };
}

/** Writes the account e-mail into the outbox, in the transaction that issued its link. */
export async function recordAccountEmail(trx: Executor, ctx: AppContext, mail: AccountEmail): Promise<void> {
  const setup = mailSetup(ctx.config, await readStoredSettings(trx));
  const rendered = renderEmail(
    setup.brand,
    parts(mail.user.locale, setup.brand, setup.product, mail, setup.signature),
  );
  const id = newId();
  await insertEmails(
    trx,
    [
      {
        id,
        purpose: mail.kind === "set_password" ? "account_invitation" : "password_reset",
        recipientId: mail.user.id,
        to: mail.user.email,
        ...rendered,
        messageId: `<${id}@${setup.messageIdDomain}>`,
        replyTo: null,
        headers: { "Auto-Submitted": "auto-generated" },
        ticketId: null,
      },
    ],
    ctx.clock.now(),
  );
}
