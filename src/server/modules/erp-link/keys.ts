// The keys ERP links are verified with: an HS256 shared secret, or an EdDSA / RS256 public key (PEM, SPKI).
import { randomBytes } from "node:crypto";
import { importSPKI } from "jose";
import type { ErpAlgorithm } from "../../../contracts/erp-installations";
import { openSecret, type SecretKeys, sealSecret } from "../../secrets-at-rest";

/** A generated HS256 secret: 32 random bytes, base64url (43 characters, every one a byte). */
export const generateSecret = (): string => randomBytes(32).toString("base64url");

/** RSA keys shorter than this are refused: NIST's floor for signatures. */
const MIN_RSA_BITS = 2048;

export type VerificationKey = CryptoKey | Uint8Array;

/** An installation's key columns as stored: an HS256 secret sealed under SECRETS_KEY (secrets-at-rest.ts). */
export function sealedKey<K extends { secret: string | null }>(
  key: Buffer | undefined,
  columns: K,
  id: string,
): K {
  if (columns.secret === null) return columns;
  return { ...columns, secret: sealSecret(key, columns.secret, { table: "erp_installation", id }) };
}

/** The installation with its HS256 secret opened; throws SealedSecretError when the keys do not open it. */
export function withOpenedSecret<I extends { id: string; secret: string | null }>(
  keys: SecretKeys,
  installation: I,
): I {
  if (installation.secret === null) return installation;
  const owner = { table: "erp_installation", id: installation.id } as const;
  return { ...installation, secret: openSecret(keys, installation.secret, owner) };
}

/** The key a link of this installation is verified with; throws when the stored key is unusable. */
export async function verificationKey(installation: {
  algorithm: ErpAlgorithm;
  secret: string | null;
  public_key: string | null;
}): Promise<VerificationKey> {
  if (installation.algorithm === "HS256") return new TextEncoder().encode(installation.secret ?? "");
  return importSPKI(installation.public_key ?? "", installation.algorithm);
}

/** Whether a PEM is a public key jose accepts for `algorithm` (Ed25519 for EdDSA, RSA ≥ 2048 bits for RS256). */
export async function isUsablePublicKey(pem: string, algorithm: "EdDSA" | "RS256"): Promise<boolean> {
  if (!pem.includes("-----BEGIN PUBLIC KEY-----")) return false;
  try {
    const key = await importSPKI(pem, algorithm, { extractable: true });
    if (algorithm !== "RS256") return true;
    const { modulusLength } = key.algorithm as RsaHashedKeyAlgorithm;
    return modulusLength >= MIN_RSA_BITS;
  } catch {
    return false;
  }
}
