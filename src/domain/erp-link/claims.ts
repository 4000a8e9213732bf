// The claims of an ERP link ("Suporte UNO ERP"), checked once its signature is: who it is for, which
// company, where in the ERP the user was, and that it is fresh. Pure: the clock is a parameter.

import { normalizeCnpj } from "../../contracts/cnpj";
import { Email } from "../../contracts/common";
import { hasControlCharacters } from "../../contracts/control-characters";
import type { ErpAlgorithm, ErpLinkRefusal } from "../../contracts/erp-installations";
import { ScreenCode } from "../../contracts/screens";

/** The audience every link names. */
export const ERP_LINK_AUDIENCE = "extranet";
/** A link lives at most this long: `exp` may not be further ahead of now. */
export const ERP_LINK_MAX_LIFETIME_MS = 5 * 60_000;
/** How far the ERP's clock may run ahead of ours (`iat` in the future, `exp` a little over). */
export const ERP_LINK_CLOCK_SKEW_MS = 30_000;
const MAX_RECORD_LENGTH = 500;

/** What the installation expects of its links. */
export interface ErpLinkExpectation {
  installationId: string;
  algorithm: ErpAlgorithm;
  /** The installation's company's CNPJ, as stored (14 characters, no punctuation). */
  cnpj: string;
}

export interface ErpLinkClaims {
  jti: string;
  email: string;
  /** Epoch ms: the used-link record may go after it. */
  expiresAt: number;
  /** An ERP screen code (ATW0001), when the link names a valid one. */
  screen: string | null;
  /** The record the user was looking at ("cliente código 100"), trimmed to the form's limit. */
  record: string | null;
  /** The person's name, for a user created just in time. */
  name: string | null;
}

export type ErpClaimsCheck = { ok: true; claims: ErpLinkClaims } | { ok: false; reason: ErpLinkRefusal };

const refuse = (reason: ErpLinkRefusal): ErpClaimsCheck => ({ ok: false, reason });
const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" && !hasControlCharacters(value) ? value.trim() : null;
const seconds = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value * 1000 : null;

/**
 * Checks a verified link's header and claims against its installation at instant `now` (epoch ms).
 * Optional claims that are unusable (a screen code of the wrong shape) are dropped, not refused:
 * the user still gets in, only without that prefill.
 */
export function checkErpClaims(
  header: { alg?: unknown },
  payload: Record<string, unknown>,
  expected: ErpLinkExpectation,
  now: number,
): ErpClaimsCheck {
  if (header.alg !== expected.algorithm) return refuse("bad_signature");
  if (payload.iss !== expected.installationId) return refuse("unknown_installation");
  const audience = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audience.includes(ERP_LINK_AUDIENCE)) return refuse("malformed");

  const expiresAt = seconds(payload.exp);
  const issuedAt = seconds(payload.iat);
  if (expiresAt === null || issuedAt === null) return refuse("malformed");
  if (expiresAt <= now) return refuse("expired");
  if (expiresAt > now + ERP_LINK_MAX_LIFETIME_MS + ERP_LINK_CLOCK_SKEW_MS) return refuse("malformed");
  if (issuedAt > now + ERP_LINK_CLOCK_SKEW_MS) return refuse("malformed");

  const jti = text(payload.jti);
  const email = Email.safeParse(payload.email);
  const cnpj = text(payload.cnpj);
  if (jti === null || jti.length > 200 || !email.success || cnpj === null) return refuse("malformed");
  if (normalizeCnpj(cnpj) !== normalizeCnpj(expected.cnpj)) return refuse("wrong_company");

  const screen = ScreenCode.safeParse(payload.screen);
  const name = text(payload.name);
  return {
    ok: true,
    claims: {
      jti,
      email: email.data,
      expiresAt,
      screen: screen.success ? screen.data : null,
      record: text(payload.record)?.slice(0, MAX_RECORD_LENGTH) ?? null,
      name: name !== null && name.length >= 2 ? name.slice(0, 120) : null,
    },
  };
}
