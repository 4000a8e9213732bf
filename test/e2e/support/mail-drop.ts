// The journeys' mail server: a real SMTP server (smtp-server) in the global setup's process that
// writes every e-mail it accepts into a folder the journeys read, and refuses for good (550) any
// recipient whose address starts with "caixa.cheia", so that an e-mail can fail.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export interface MailDrop {
  url: string;
  dir: string;
  stop: () => Promise<void>;
}

export async function startMailDrop(): Promise<MailDrop> {
  const dir = await mkdtemp(path.join(tmpdir(), "extranet-e2e-mail-"));
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().startsWith("caixa.cheia"))
        callback(Object.assign(new Error("Caixa postal inexistente"), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        count += 1;
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        const name = `${String(count).padStart(5, "0")}-${to.replace(/[^a-z0-9@.+-]/gi, "_")}.eml`;
        writeFile(path.join(dir, name), Buffer.concat(chunks)).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    dir,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits for an e-mail to `to` whose text matches `pattern`; returns its raw text. */
export async function waitForMail(
  dir: string,
  to: string,
  pattern: RegExp,
  timeoutMs = 15_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = (await readdir(dir))
      .filter((name) => name.includes(to))
      .sort()
      .reverse();
    for (const name of names) {
      const raw = await readFile(path.join(dir, name), "utf8");
      if (pattern.test(raw)) return raw;
    }
    if (Date.now() > deadline)
      throw new Error(`no e-mail to ${to} matching ${pattern} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
