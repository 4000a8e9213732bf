// A real SMTP server in the test process (smtp-server), keeping what it receives parsed by
// mailparser: what the outbox's worker and Debian's swaks talk to in tests.
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface TestSmtp {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Answers the next `count` messages with this SMTP error instead of accepting them (451: try later). */
  refuseNext(count: number, message?: string, code?: number): void;
  /** From now on, holds every message this long before answering it, as a distant relay would; resets `mostAtOnce`. */
  holdEach(ms: number): void;
  /** The most messages being answered at once so far. */
  readonly mostAtOnce: number;
  /** Resolves once `count` messages in all have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  let refusal = "Mailbox unavailable";
  let refusalCode = 451;
  const waiters: (() => void)[] = [];
  let holdMs = 0;
  let atOnce = 0;
  let mostAtOnce = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      atOnce += 1;
      mostAtOnce = Math.max(mostAtOnce, atOnce);
      const answer = (error?: Error) => {
        const reply = () => {
          atOnce -= 1;
          callback(error);
        };
        if (holdMs > 0) setTimeout(reply, holdMs);
        else reply();
      };
      stream.on("end", () => {
        if (refusals > 0) {
          refusals -= 1;
          const error = Object.assign(new Error(refusal), { responseCode: refusalCode });
          answer(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((parsed) => {
            received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
            for (const wake of waiters.splice(0)) wake();
            answer();
          })
          .catch((error: Error) => answer(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    holdEach(ms) {
      holdMs = ms;
      mostAtOnce = atOnce;
    },
    get mostAtOnce() {
      return mostAtOnce;
    },
    refuseNext(count, message = "Mailbox unavailable", code = 451) {
      refusals = count;
      refusal = message;
      refusalCode = code;
    },
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} e-mails, received ${received.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
