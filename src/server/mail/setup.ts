// What every e-mail needs to know of the installation: the brand, the origin its links point at,
// the From, the reply mailbox and the team's signature. Built from the configuration and the
// settings in force, inside the transaction that writes the e-mails.
import type { Settings } from "../../contracts/settings";
import type { Config } from "../config";

export interface MailSetup {
  brand: string;
  product: string;
  /** The origin links point at. */
  origin: string;
  from: string;
  signature: string;
  reopenDays: number;
  /** Where replies go, and the secret that signs their addresses; undefined: no reply address. */
  reply: { local: string; domain: string; secret: string } | undefined;
  /** Whether replies by e-mail are received (an SMTP listener or an IMAP mailbox is configured). */
  inbound: boolean;
  /** The domain of our Message-IDs. */
  messageIdDomain: string;
}

export function mailSetup(config: Config, settings: Settings): MailSetup {
  const [supportLocal = "suporte", supportDomain = "localhost"] = settings.supportEmail.split("@");
  const origin = config.publicUrl ?? `http://localhost:${config.port}`;
  const brandName = `Suporte ${config.brand}`.replace(/["\\]/g, "");
  const replyDomain = config.mail.replyDomain ?? supportDomain;
  return {
    brand: config.brand,
    product: config.product,
    origin,
    from: config.mail.from ?? `"${brandName}" <${settings.supportEmail}>`,
    signature: settings.supportSignature,
    reopenDays: settings.reopenWindowDays,
    reply: config.mail.replySecret
      ? { local: supportLocal, domain: replyDomain, secret: config.mail.replySecret }
      : undefined,
    inbound: config.mail.inbound,
    messageIdDomain: config.mail.replyDomain ?? new URL(origin).hostname,
  };
}
