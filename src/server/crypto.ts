// Random identifiers and tokens, hashed at rest; argon2id password hashes.
import { hash as digest, randomBytes } from "node:crypto";
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { v7 as uuidv7 } from "uuid";

/** Time-ordered UUIDs (v7): rows created together sort in creation order, and indexes stay compact. */
export const newId = (): string => uuidv7();

/** 256 random bits, URL-safe: for session cookies and one-time links. */
export const newToken = (): string => randomBytes(32).toString("base64url");

/**
 * Tokens are looked up by their SHA-256: a leaked table grants nothing. Every request hashes its
 * session cookie: the one-shot `hash` takes 1.3 µs, a Hash object 3.
 */
export const hashToken = (token: string): string => digest("sha256", token, "hex");

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
// Algorithm is an ambient const enum: 2 is Argon2id.
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Checked when the e-mail is unknown, so that both failures take the same time.
let decoyHash: Promise<string> | undefined;
export function verifyDecoy(password: string): Promise<boolean> {
  decoyHash ??= hashPassword(newToken());
  return decoyHash.then((h) => verifyPassword(h, password));
}
