// Replies by e-mail for vendors whose mail is hosted: every IMAP_POLL_SECONDS the server reads the
// unseen messages of the mailbox in IMAP_URL (imapflow), hands each to `receiveEmail` exactly as the
// SMTP listener does, and marks it seen once handled. A message that failed to be handled stays
// unseen and is read again next time. Several processes may poll the same mailbox: a message read
// twice posts once (its Message-ID is the reply's idempotency key).
import { ImapFlow } from "imapflow";
import type { AppContext } from "../context";
import { type InboundOutcome, receiveEmail } from "./inbound";

interface Log {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
}

/** At most this many messages are handled per poll; the rest wait for the next. */
const BATCH = 50;

export interface ImapPoller {
  /** Reads and handles the unseen messages now; how many were handled. */
  pollOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** The addresses a message was delivered to, as the mailbox's server recorded them. */
function recipientsOf(raw: string): string[] {
  const found = new Set<string>();
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  for (const name of ["delivered-to", "x-original-to", "envelope-to"]) {
    for (const match of head.matchAll(new RegExp(`^${name}:\\s*<?([^>\\s]+)>?`, "gim"))) {
      if (match[1]) found.add(match[1].toLowerCase());
    }
  }
  return [...found];
}

function returnPath(raw: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const match = /^return-path:\s*<([^>]*)>/im.exec(head);
  return match ? match[1] || "<>" : null;
}

export function startImapPoller(ctx: AppContext, url: string, pollMs: number, log: Log): ImapPoller {
  const parsed = new URL(url);
  const mailbox = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "INBOX";
  let running: Promise<number> | undefined;
  let stopped = false;

  const connect = () =>
    new ImapFlow({
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : parsed.protocol === "imaps:" ? 993 : 143,
      secure: parsed.protocol === "imaps:",
      auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    });

  async function poll(): Promise<number> {
    const client = connect();
    let handled = 0;
    await client.connect();
    try {
      const lock = await client.getMailboxLock(mailbox);
      try {
        const unseen = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of unseen.slice(0, BATCH)) {
          if (stopped) break;
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (message === false || !message.source) continue;
          const raw = message.source.toString("utf8");
          let outcome: InboundOutcome;
          try {
            outcome = await receiveEmail(ctx, message.source, {
              mailFrom: returnPath(raw),
              rcptTo: recipientsOf(raw),
            });
          } catch (error) {
            // Left unseen: read again at the next poll.
            log.error({ err: error, uid }, "inbound e-mail failed");
            continue;
          }
          if (outcome.kind === "refused") log.warn({ outcome, uid }, "inbound e-mail refused");
          else log.info({ outcome, uid }, "inbound e-mail");
          await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
          handled += 1;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    return handled;
  }

  const pollOnce = () => {
    running ??= poll().finally(() => {
      running = undefined;
    });
    return running;
  };

  const timer = setInterval(() => {
    if (stopped || running !== undefined) return;
    pollOnce().catch((error: unknown) => log.error({ err: error }, "IMAP poll failed"));
  }, pollMs);
  timer.unref();

  return {
    pollOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
