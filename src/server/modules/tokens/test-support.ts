// Helpers for the token tests: make a token through the API, call the API with it as a script does.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { call, TEST_HOST } from "../../../../test/support/app";
import type { ApiScope, CreatedApiToken } from "../../../contracts/tokens";

/** A script's request: the bearer token, no cookie, no Origin. */
export function bearer(
  app: FastifyInstance,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const request: InjectOptions = {
    method,
    url,
    headers: { host: TEST_HOST, authorization: `Bearer ${token}`, ...headers },
  };
  if (body !== undefined) request.payload = body as InjectOptions["payload"];
  return app.inject(request);
}

/** Creates a token as the signed-in `cookie` holder and returns the created token (value included). */
export async function createTokenAs(
  app: FastifyInstance,
  cookie: string,
  body: {
    name?: string;
    scopes: ApiScope[];
    kind?: "personal" | "service";
    companyId?: string;
    expiresAt?: string;
  },
): Promise<CreatedApiToken> {
  const response = await call(
    app,
    "POST",
    "/api/v1/tokens",
    { name: "Script de teste", ...body },
    { cookie },
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
