// "Instalações do ERP": the ERP installations that may open Extranet for their users with a signed
// link ("Suporte UNO ERP", GET /sso/erp?token=…). Admins only.
import { z } from "zod";
import { Id, Instant } from "./common";

/** How the ERP signs its links: a shared secret (HS256) or its own private key (EdDSA, RS256). */
export const ErpAlgorithm = z.enum(["HS256", "EdDSA", "RS256"]);
export type ErpAlgorithm = z.infer<typeof ErpAlgorithm>;

/** An HS256 secret has at least 32 bytes (256 bits, the hash's own size). */
export const ERP_SECRET_MIN_BYTES = 32;
const byteLength = (text: string) => new TextEncoder().encode(text).length;

const Secret = z
  .string()
  .max(512)
  .refine((text) => byteLength(text) >= ERP_SECRET_MIN_BYTES, { message: "validation.erp_secret_short" });
/** PEM of a public key (SPKI, "-----BEGIN PUBLIC KEY-----"); parsed on save. */
const PublicKey = z.string().trim().min(1).max(10_000);
const Name = z.string().trim().min(2).max(120);

/** The key fits the algorithm: HS256 a secret (or none, to have one generated), the others a public key. */
function checkKey(
  body: { algorithm?: ErpAlgorithm | undefined; secret?: string | undefined; publicKey?: string | undefined },
  context: z.RefinementCtx,
): void {
  if (body.algorithm === undefined) return;
  if (body.algorithm === "HS256") {
    if (body.publicKey !== undefined)
      context.addIssue({ code: "custom", path: ["publicKey"], message: "validation.erp_key_for_hs256" });
    return;
  }
  if (body.secret !== undefined)
    context.addIssue({ code: "custom", path: ["secret"], message: "validation.erp_secret_for_public_key" });
  if (body.publicKey === undefined)
    context.addIssue({ code: "custom", path: ["publicKey"], message: "validation.required" });
}

export const CreateErpInstallationRequest = z
  .strictObject({
    name: Name,
    companyId: Id,
    algorithm: ErpAlgorithm,
    /** HS256: the shared secret; left out, the server generates one and answers it once. */
    secret: Secret.optional(),
    /** EdDSA and RS256: the installation's public key, PEM (SPKI). */
    publicKey: PublicKey.optional(),
    /** An unknown e-mail becomes a customer of the company on its first link ("just in time"). */
    createsUsers: z.boolean().default(false),
  })
  .superRefine(checkKey);
export type CreateErpInstallationRequest = z.infer<typeof CreateErpInstallationRequest>;

export const UpdateErpInstallationRequest = z
  .strictObject({
    name: Name.optional(),
    createsUsers: z.boolean().optional(),
    /** false: links are refused until it is active again (revoking is for good: DELETE). */
    active: z.boolean().optional(),
    /**
     * A new key: `{algorithm: "HS256"}` alone generates a secret (answered once), with `secret` sets
     * it; EdDSA and RS256 take `publicKey`. Links signed with the old key are refused at once.
     */
    rotateKey: z
      .strictObject({
        algorithm: ErpAlgorithm,
        secret: Secret.optional(),
        publicKey: PublicKey.optional(),
      })
      .superRefine(checkKey)
      .optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "validation.nothing_to_change",
  });
export type UpdateErpInstallationRequest = z.infer<typeof UpdateErpInstallationRequest>;

export const ErpInstallationState = z.enum(["active", "inactive", "revoked"]);
export type ErpInstallationState = z.infer<typeof ErpInstallationState>;

export const ErpInstallation = z.object({
  /** Also the links' `iss` claim. */
  id: Id,
  name: z.string(),
  companyId: Id,
  companyName: z.string(),
  /** 14 digits: the links' `cnpj` claim must be this company's. */
  companyCnpj: z.string(),
  algorithm: ErpAlgorithm,
  /** EdDSA and RS256: the public key as saved; null for HS256 (its secret is never answered again). */
  publicKey: z.string().nullable(),
  createsUsers: z.boolean(),
  state: ErpInstallationState,
  createdAt: Instant,
  updatedAt: Instant,
  revokedAt: Instant.nullable(),
  /** The last link accepted. */
  lastUsedAt: Instant.nullable(),
});
export type ErpInstallation = z.infer<typeof ErpInstallation>;

/** The answer to a create or a key rotation: the generated (or given) HS256 secret, shown this once. */
export const ErpInstallationWithSecret = ErpInstallation.extend({
  secret: z.string().nullable(),
});
export type ErpInstallationWithSecret = z.infer<typeof ErpInstallationWithSecret>;

export const ErpInstallationList = z.object({ items: z.array(ErpInstallation) });
export type ErpInstallationList = z.infer<typeof ErpInstallationList>;

export const ErpInstallationParams = z.strictObject({ id: Id });

/** Why a link was refused: the sign-in page explains it (`/login?erp=<reason>`). */
export const ErpLinkRefusal = z.enum([
  "malformed",
  "expired",
  "used",
  "unknown_user",
  "unknown_installation",
  "bad_signature",
  "wrong_company",
  "rate_limited",
]);
export type ErpLinkRefusal = z.infer<typeof ErpLinkRefusal>;

/**
 * GET /sso/erp?token=<JWT>: the link itself. Anything unusable answers the refusal page rather than
 * an API error (the reader is a person who clicked a link in the ERP).
 */
export const ErpLinkQuery = z.looseObject({
  token: z.string().max(8192).optional().catch(undefined),
});
