// Counting a request's database round trips: every statement the app sends while one request runs,
// transaction control included. Requests are injected one at a time and nothing else runs in a test
// app (no sweeper, no workers), so what is heard during a request is that request's.
import type { LightMyRequestResponse } from "fastify";
import { buildTestApp, type TestApp } from "./app";

export interface CountingTestApp extends TestApp {
  /** Runs `request` and returns its response with the statements sent while it ran, in order. */
  statementsOf(
    request: () => Promise<LightMyRequestResponse>,
  ): Promise<{ response: LightMyRequestResponse; statements: string[] }>;
}

export async function buildCountingTestApp(
  options: Omit<NonNullable<Parameters<typeof buildTestApp>[0]>, "onStatement"> = {},
): Promise<CountingTestApp> {
  let heard: string[] | undefined;
  const t = await buildTestApp({ ...options, onStatement: (sql) => heard?.push(sql) });
  return {
    ...t,
    statementsOf: async (request) => {
      if (heard) throw new Error("statementsOf: one request at a time");
      heard = [];
      try {
        const response = await request();
        return { response, statements: heard };
      } finally {
        heard = undefined;
      }
    },
  };
}
