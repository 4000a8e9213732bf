// Vitest global setup: one demo server for every journey; its origin reaches the tests through inject().
import type { TestProject } from "vitest/node";
import { startServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    origin: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startServer();
  project.provide("origin", server.origin);
  return server.stop;
}
