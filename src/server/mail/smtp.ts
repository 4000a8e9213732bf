// The SMTP transport: nodemailer with a small connection pool, STARTTLS when the server offers it,
// short timeouts so a stalled server fails an attempt (retried later) instead of holding the worker.
import { createTransport } from "nodemailer";
import { DEFAULT_CONCURRENCY, type MailTransport, type OutgoingMail } from "../modules/outbox/worker";

export function smtpTransport(url: string): MailTransport {
  const parsed = new URL(url);
  const transporter = createTransport({
    pool: true,
    maxConnections: DEFAULT_CONCURRENCY,
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : parsed.protocol === "smtps:" ? 465 : 587,
    secure: parsed.protocol === "smtps:",
    auth: parsed.username
      ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
      : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail: OutgoingMail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        replyTo: mail.replyTo ?? undefined,
        headers: mail.headers,
        // The content is ours alone: no file or URL is ever read into a message.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    close: () => transporter.close(),
  };
}
