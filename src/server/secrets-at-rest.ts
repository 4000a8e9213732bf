// Secrets the server must read back to sign or verify — an ERP installation's HS256 key, a webhook
// endpoint's signing secret — sealed at rest with AES-256-GCM under SECRETS_KEY, so that a copy of the
// database (a dump, a backup, a file left behind) signs nothing. Passwords and tokens are hashed
// instead (crypto.ts): those the server never needs to read.
//
// Without SECRETS_KEY (a fresh `npm start`) secrets are stored as given, as before. A value is sealed
// when it starts with SEALED; anything else is one stored before the key was set, which
// `sealStoredSecrets` seals when the server starts with a key. Each sealed value is bound to its row
// (`context`, the GCM associated data): copied into another row, it no longer opens.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const SEALED = "sealed:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that cannot be opened: no key, the wrong key, or a value that was tampered with. */
export class SealedSecretError extends Error {
  override name = "SealedSecretError";
}

export const isSealed = (stored: string): boolean => stored.startsWith(SEALED);

/** The row a secret belongs to, e.g. `webhook_endpoint:<id>`: a sealed value opens only there. */
export const secretContext = (table: "erp_installation" | "webhook_endpoint", id: string): string =>
  `${table}:${id}`;

export function sealSecret(key: Buffer | undefined, plain: string, context: string): string {
  if (!key) return plain;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${SEALED}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export function openSecret(key: Buffer | undefined, stored: string, context: string): string {
  if (!isSealed(stored)) return stored;
  if (!key) throw new SealedSecretError(`${context} is sealed and SECRETS_KEY is not set`);
  const raw = Buffer.from(stored.slice(SEALED.length), "base64url");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new SealedSecretError(`${context} does not open with SECRETS_KEY (another key, or altered)`);
  }
}
