// The built-in SMTP listener for replies (SMTP_LISTEN_PORT): smtp-server accepts mail for our reply
// addresses only (no relaying, anything else refused at RCPT), up to MAX_INBOUND_BYTES, and hands
// each e-mail to `receiveEmail`. What was refused is logged, never posted.
import { SMTPServer } from "smtp-server";
import type { AppContext } from "../context";
import { readStoredSettings } from "../modules/settings/service";
import { type InboundOutcome, MAX_INBOUND_BYTES, receiveEmail } from "./inbound";
import { mailSetup } from "./setup";

export interface InboundListener {
  port: number;
  close(): Promise<void>;
}

export async function startSmtpListener(
  ctx: AppContext,
  listen: { port: number; host: string },
  log: {
    info(o: object, m: string): void;
    warn(o: object, m: string): void;
    error(o: object, m: string): void;
  },
): Promise<InboundListener> {
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP behind the organisation's MX or relay (which does TLS with the world).
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_INBOUND_BYTES,
    logger: false,
    banner: "Extranet",
    onRcptTo(address, _session, callback) {
      readStoredSettings(ctx.db)
        .then((settings) => {
          const setup = mailSetup(ctx.config, settings);
          const domain = address.address.split("@")[1]?.toLowerCase();
          if (!setup.reply || domain !== setup.reply.domain) {
            callback(Object.assign(new Error("Relay denied"), { responseCode: 550 }));
            return;
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error("Message too large"), { responseCode: 552 }));
          return;
        }
        const envelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
        };
        receiveEmail(ctx, Buffer.concat(chunks), envelope)
          .then((outcome: InboundOutcome) => {
            const entry = { outcome, from: envelope.mailFrom, to: envelope.rcptTo };
            if (outcome.kind === "refused") log.warn(entry, "inbound e-mail refused");
            else log.info(entry, "inbound e-mail");
            // Taken either way: a refusal is ours to log, not a bounce for the sender's server to send.
            callback();
          })
          .catch((error: Error) => {
            log.error({ err: error }, "inbound e-mail failed");
            // A temporary failure: the sender's server tries again later.
            callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
          });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : listen.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
