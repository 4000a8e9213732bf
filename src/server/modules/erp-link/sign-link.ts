// Builds an ERP link as an ERP would: for `extranet sign-link` (testing an installation) and tests.
import { randomUUID } from "node:crypto";
import { importPKCS8, SignJWT } from "jose";
import type { ErpAlgorithm } from "../../../contracts/erp-installations";
import { ERP_LINK_AUDIENCE } from "../../../domain/erp-link/claims";

export interface ErpLinkRequest {
  installationId: string;
  algorithm: ErpAlgorithm;
  /** HS256: the shared secret; EdDSA and RS256: the private key, PEM (PKCS#8) or a key object. */
  key: string | CryptoKey;
  email: string;
  cnpj: string;
  screen?: string | undefined;
  record?: string | undefined;
  name?: string | undefined;
  /** Epoch ms the link is issued at (default: now). */
  issuedAt?: number;
  /** Lifetime in minutes (default 5, the most a link may live). */
  minutes?: number;
  jti?: string;
}

/** The token (a JWT) of an ERP link. */
export async function signErpToken(request: ErpLinkRequest): Promise<string> {
  const issuedAt = Math.floor((request.issuedAt ?? Date.now()) / 1000);
  const key =
    typeof request.key !== "string"
      ? request.key
      : request.algorithm === "HS256"
        ? new TextEncoder().encode(request.key)
        : await importPKCS8(request.key, request.algorithm);
  return new SignJWT({
    email: request.email,
    cnpj: request.cnpj,
    ...(request.screen && { screen: request.screen }),
    ...(request.record && { record: request.record }),
    ...(request.name && { name: request.name }),
  })
    .setProtectedHeader({ alg: request.algorithm, typ: "JWT" })
    .setIssuer(request.installationId)
    .setAudience(ERP_LINK_AUDIENCE)
    .setJti(request.jti ?? randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + Math.round((request.minutes ?? 5) * 60))
    .sign(key);
}

/** The whole link: `<origin>/sso/erp?token=…`. */
export async function signErpLink(origin: string, request: ErpLinkRequest): Promise<string> {
  return `${origin.replace(/\/+$/, "")}/sso/erp?token=${await signErpToken(request)}`;
}
