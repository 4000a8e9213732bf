// What CLI commands share: a database context for the duration of one command, and their metadata.
import { controlCharacterIssues } from "../../contracts/control-characters";
import { loadConfig } from "../config";
import type { AppContext, CommandMeta } from "../context";
import { ValidationError } from "../errors";
import { closeContext, openContext } from "../runtime";

/**
 * Links from the command line point where the server is reached: EXTRANET_PUBLIC_URL, else the
 * embedded quick start's http://localhost:PORT, but only when the server listens on loopback
 * (HOST); otherwise no link is issued, as over HTTP, rather than one nobody else can open.
 */
export function cliMeta(ctx: AppContext): CommandMeta {
  const { publicUrl, host, port } = ctx.config;
  const loopback = ["localhost", "127.0.0.1", "::1", "[::1]"].includes(host.toLowerCase());
  return {
    actorId: null,
    ip: null,
    origin: publicUrl ?? (loopback ? `http://localhost:${port}` : undefined),
  };
}

export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig(process.env));
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}

interface SafeParser<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ValidationError["issues"] } };
}

/** Parses with a contract; a failure reads like the API's field messages. */
export function parseWith<T>(schema: SafeParser<T>, input: unknown): T {
  const refused = controlCharacterIssues(input);
  const result = schema.safeParse(input);
  if (result.success && refused.length === 0) return result.data;
  throw new ValidationError(result.success ? refused : [...refused, ...result.error.issues], input);
}

export const out = (line: string) => process.stdout.write(`${line}\n`);
export const err = (line: string) => process.stderr.write(`${line}\n`);
