// buildTestApp: the real app on a real database of its own, a clock the test can move, and helpers
// to call the API the way a browser does (same-origin header, session cookie).
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../../src/server/app";
import { type Config, loadConfig } from "../../src/server/config";
import type { AppContext, Clock } from "../../src/server/context";
import type { StatementListener } from "../../src/server/db/statements";
import { closeContext, openContext } from "../../src/server/runtime";
import { createTestDatabase, type TestDatabase } from "./database";

export const TEST_HOST = "extranet.test";
export const TEST_ORIGIN = `http://${TEST_HOST}`;

export class TestClock implements Clock {
  constructor(private current = Date.parse("2026-04-22T13:00:00Z")) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(iso: string): void {
    this.current = Date.parse(iso);
  }
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function buildTestApp(
  options: {
    env?: Record<string, string>;
    webRoot?: string;
    /** Told the SQL of every statement the app sends (see test/support/round-trips.ts). */
    onStatement?: StatementListener;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  // The test origin is the configured public URL, as in production; an empty value unsets a variable.
  const env: Record<string, string> = {
    EXTRANET_DATA_DIR: database.dataDir,
    LOG_LEVEL: "silent",
    EXTRANET_SEED_DEMO: "false",
    EXTRANET_PUBLIC_URL: TEST_ORIGIN,
    ...options.env,
  };
  for (const [name, value] of Object.entries(env)) if (value === "") delete env[name];
  const base = loadConfig(env, options.webRoot);
  const config: Config = { ...base, database: database.config };
  const clock = new TestClock();
  const ctx = await openContext(config, {
    clock,
    searchPath: database.searchPath,
    poolSize: 4,
    ...(options.onStatement && { onStatement: options.onStatement }),
  });
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return {
    app,
    ctx,
    clock,
    database,
    close: async () => {
      await app.close();
      await closeContext(ctx);
      await database.drop();
    },
  };
}

export interface CallOptions {
  cookie?: string | undefined;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

/** Calls the API as the portal's own pages do: same Host and Origin, the session cookie if any. */
export function call(
  app: FastifyInstance,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { host: TEST_HOST, ...options.headers };
  if (method !== "GET") headers.origin ??= TEST_ORIGIN;
  if (options.cookie) headers.cookie = options.cookie;
  const request: InjectOptions = { method, url, headers, ...(options.query && { query: options.query }) };
  if (body !== undefined) request.payload = body as InjectOptions["payload"];
  return app.inject(request);
}

/** The `name=value` pair of the session cookie a response set, for the next request. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === "extranet_session");
  if (!cookie) throw new Error(`no session cookie in the response (status ${response.statusCode})`);
  return `${cookie.name}=${cookie.value}`;
}
