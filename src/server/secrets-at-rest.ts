// Secrets the server must read back to sign or verify — an ERP installation's HS256 key, a webhook
// endpoint's signing secret — sealed at rest with AES-256-GCM under SECRETS_KEY, so that a copy of the
// database (a dump, a backup, a file left behind) signs nothing. Passwords and tokens are hashed
// instead (crypto.ts): those the server never needs to read.
//
// Without SECRETS_KEY (a fresh `npm start`) secrets are stored as given, as before. A value is sealed
// when it starts with SEALED; anything else is one stored before the key was set, which
// `sealStoredSecrets` seals when the server starts with a key. To change the key, start with the new
// one as SECRETS_KEY and the old as SECRETS_KEY_PREVIOUS: values open with either, and each start
// seals again under the new key those only the old one opens. Each sealed value is bound to its row
// (its owner, the GCM associated data): copied into another row, it no longer opens.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const SEALED = "sealed:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that cannot be opened: no key, the wrong key, or a value that was tampered with. */
export class SealedSecretError extends Error {
  override name = "SealedSecretError";
}

export const isSealed = (stored: string): boolean => stored.startsWith(SEALED);

/** The row a secret belongs to: a value sealed for it opens only there. */
export interface SecretOwner {
  table: "erp_installation" | "webhook_endpoint";
  id: string;
}

const contextOf = (owner: SecretOwner): string => `${owner.table}:${owner.id}`;

export function sealSecret(key: Buffer | undefined, plain: string, owner: SecretOwner): string {
  if (!key) return plain;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(contextOf(owner), "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${SEALED}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The keys a sealed value may open with: SECRETS_KEY, and while rotating, SECRETS_KEY_PREVIOUS. */
export interface SecretKeys {
  secretsKey: Buffer | undefined;
  secretsPreviousKey?: Buffer | undefined;
}

export function openSecret(keys: SecretKeys, stored: string, owner: SecretOwner): string {
  return openSecretWith(keys, stored, owner).plain;
}

/** `byPrevious`: opened only with the previous key, so it should be sealed again with the current one. */
export function openSecretWith(
  keys: SecretKeys,
  stored: string,
  owner: SecretOwner,
): { plain: string; byPrevious: boolean } {
  if (!isSealed(stored)) return { plain: stored, byPrevious: false };
  const context = contextOf(owner);
  if (!keys.secretsKey) throw new SealedSecretError(`${context} is sealed and SECRETS_KEY is not set`);
  const current = tryOpen(keys.secretsKey, stored, context);
  if (current !== undefined) return { plain: current, byPrevious: false };
  const previous = keys.secretsPreviousKey ? tryOpen(keys.secretsPreviousKey, stored, context) : undefined;
  if (previous !== undefined) return { plain: previous, byPrevious: true };
  throw new SealedSecretError(`${context} does not open with SECRETS_KEY (another key, or altered)`);
}

function tryOpen(key: Buffer, stored: string, context: string): string | undefined {
  const raw = Buffer.from(stored.slice(SEALED.length), "base64url");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return undefined;
  }
}
