// Vitest global setup: one demo server for every journey, sending its e-mails to a real SMTP server
// here; its origin and the folder of received e-mails reach the tests through inject().
import type { TestProject } from "vitest/node";
import { startMailDrop } from "./mail-drop";
import { startServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    origin: string;
    /** Where the journeys' SMTP server writes every e-mail the portal sends. */
    mailDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mail = await startMailDrop();
  const server = await startServer({ SMTP_URL: mail.url });
  project.provide("origin", server.origin);
  project.provide("mailDir", mail.dir);
  return async () => {
    await server.stop();
    await mail.stop();
  };
}
