// A local SMTP server (smtp-server) that accepts every message and notes when each one arrived:
// what the outbox-drain scenario's worker delivers to. It reads each message to its end (as a real
// server must) but keeps nothing, so the bench's own process stays light.
import { performance } from "node:perf_hooks";
import { SMTPServer } from "smtp-server";

export interface SmtpSink {
  url: string;
  /** performance.now() of each accepted message, in order of arrival. */
  arrivals: number[];
  /** Message-IDs seen more than once: a worker that sent an e-mail twice. */
  duplicates: number;
  /** How many times each Message-ID arrived. */
  received: ReadonlyMap<string, number>;
  /** Called with the arrival count after each message. */
  onArrival: (listener: (count: number) => void) => void;
  close: () => Promise<void>;
}

const MESSAGE_ID = /^message-id:\s*(\S+)/im;

export async function startSmtpSink(): Promise<SmtpSink> {
  const arrivals: number[] = [];
  const seen = new Map<string, number>();
  const listeners: ((count: number) => void)[] = [];
  let duplicates = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // The worker keeps a small pool of connections open for the whole drain.
    maxClients: 20,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        // The headers come first; the Message-ID is among them.
        if (head.length < 8192) head += chunk.toString("utf8");
      });
      stream.on("end", () => {
        const id = MESSAGE_ID.exec(head)?.[1] ?? "";
        if (seen.has(id)) duplicates += 1;
        seen.set(id, (seen.get(id) ?? 0) + 1);
        arrivals.push(performance.now());
        for (const listener of listeners) listener(arrivals.length);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrivals,
    received: seen,
    get duplicates() {
      return duplicates;
    },
    onArrival: (listener) => listeners.push(listener),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
