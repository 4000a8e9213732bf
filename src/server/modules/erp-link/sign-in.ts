// "Suporte UNO ERP": a link signed by a registered ERP installation signs its user in. jose verifies
// the signature with the installation's key and algorithm; `checkErpClaims` judges the claims; the
// link's id is spent in the same transaction that opens the session, so a link works once.
import { compactVerify, decodeJwt, errors as joseErrors } from "jose";
import type { ErpLinkRefusal } from "../../../contracts/erp-installations";
import { checkErpClaims, type ErpLinkClaims } from "../../../domain/erp-link/claims";
import type { AppContext } from "../../context";
import { newId } from "../../crypto";
import { lockNames } from "../../db/locks";
import type { Executor } from "../../db/schema";
import { recordAudit } from "../audit/repository";
import { loginFailuresSince } from "../auth/repository";
import { type ClientInfo, type NewSession, openSession } from "../auth/service";
import { findScreen } from "../screens/repository";
import { findUserByEmail, insertUser, updateUser } from "../users/repository";
import { verificationKey, withOpenedSecret } from "./keys";
import {
  categoryForScreen,
  claimLinkUse,
  type ErpInstallationWithCompany,
  findInstallation,
  recordLinkFailure,
  updateInstallation,
} from "./repository";

const MINUTE = 60_000;
/** Refused links allowed from one address per sign-in window before every link from it is refused. */
export const ERP_LINK_MAX_FAILURES_PER_IP = 20;

/** A refused link: the reason the sign-in page explains. */
export class ErpLinkRefused extends Error {
  override name = "ErpLinkRefused";
  constructor(readonly reason: ErpLinkRefusal) {
    super(reason);
  }
}

export interface ErpSignIn {
  session: NewSession;
  /** Where the portal opens: the new-ticket form for a screen, else the ticket list. */
  location: string;
}

const refuse = (reason: ErpLinkRefusal): never => {
  throw new ErpLinkRefused(reason);
};

/** Checks the link, spends it, finds (or creates) its user and opens a session; ErpLinkRefused otherwise. */
export async function signInWithErpLink(
  ctx: AppContext,
  token: string,
  client: ClientInfo,
): Promise<ErpSignIn> {
  const ipKey = `erp:ip:${client.ip}`;
  if (await tooManyFailures(ctx, ipKey)) refuse("rate_limited");
  try {
    return await acceptLink(ctx, token, client);
  } catch (error) {
    if (error instanceof ErpLinkRefused) await recordLinkFailure(ctx.db, ipKey, ctx.clock.now());
    throw error;
  }
}

async function tooManyFailures(ctx: AppContext, ipKey: string): Promise<boolean> {
  const since = ctx.clock.now() - ctx.config.login.windowMinutes * MINUTE;
  return (await loginFailuresSince(ctx.db, ipKey, since)).length >= ERP_LINK_MAX_FAILURES_PER_IP;
}

async function acceptLink(ctx: AppContext, token: string, client: ClientInfo): Promise<ErpSignIn> {
  const installation = await installationNamedBy(ctx, token);
  // Opened before verifying: a secret that does not open is the server's fault (500), not the link's.
  const { protectedHeader, payload } = await verifySignature(
    withOpenedSecret(ctx.config, installation),
    token,
  );
  const checked = checkErpClaims(
    protectedHeader,
    payload,
    { installationId: installation.id, algorithm: installation.algorithm, cnpj: installation.company_cnpj },
    ctx.clock.now(),
  );
  if (!checked.ok) return refuse(checked.reason);
  const { claims } = checked;

  const session = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    if (
      !(await claimLinkUse(trx, {
        installationId: installation.id,
        jti: claims.jti,
        expiresAt: claims.expiresAt,
      }))
    )
      refuse("used");
    const user = await linkUser(trx, ctx, installation, claims, client);
    await updateUser(trx, user.id, { previous_login_at: user.lastLoginAt, last_login_at: now });
    await updateInstallation(trx, installation.id, { last_used_at: now });
    return openSession(trx, ctx, user.id, client);
  });
  return { session, location: await landingOf(ctx, claims) };
}

/** The installation the link's `iss` names, if it may still sign people in. */
async function installationNamedBy(ctx: AppContext, token: string): Promise<ErpInstallationWithCompany> {
  let issuer: unknown;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    return refuse("malformed");
  }
  if (typeof issuer !== "string" || !/^[0-9a-f-]{36}$/i.test(issuer)) return refuse("unknown_installation");
  const installation = await findInstallation(ctx.db, issuer.toLowerCase());
  const usable =
    installation !== undefined &&
    installation.revoked_at === null &&
    installation.active === 1 &&
    installation.company_active === 1;
  return usable ? installation : refuse("unknown_installation");
}

async function verifySignature(installation: ErpInstallationWithCompany, token: string) {
  try {
    const verified = await compactVerify(token, await verificationKey(installation), {
      algorithms: [installation.algorithm],
    });
    const payload: unknown = JSON.parse(new TextDecoder().decode(verified.payload));
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return refuse("malformed");
    return { protectedHeader: verified.protectedHeader, payload: payload as Record<string, unknown> };
  } catch (error) {
    if (error instanceof ErpLinkRefused) throw error;
    const forged =
      error instanceof joseErrors.JWSSignatureVerificationFailed ||
      error instanceof joseErrors.JOSEAlgNotAllowed;
    return refuse(forged ? "bad_signature" : "malformed");
  }
}

/**
 * The link's user: an active customer of the installation's company. An e-mail unknown everywhere
 * becomes a customer of that company when the installation creates users (audited); an e-mail of
 * another company or of the staff is refused like an unknown one (the link tells the ERP's user
 * nothing about other companies).
 */
async function linkUser(
  trx: Executor,
  ctx: AppContext,
  installation: ErpInstallationWithCompany,
  claims: ErpLinkClaims,
  client: ClientInfo,
): Promise<{ id: string; lastLoginAt: number | null }> {
  // Two first links for the same new e-mail at once would both try to create it.
  if (installation.creates_users === 1) await lockNames(trx, [`erp-user:${claims.email}`]);
  const user = await findUserByEmail(trx, claims.email);
  if (user) {
    const belongs = user.company_id === installation.company_id && user.active === 1;
    return belongs ? { id: user.id, lastLoginAt: user.last_login_at } : refuse("unknown_user");
  }
  if (installation.creates_users !== 1) return refuse("unknown_user");
  const now = ctx.clock.now();
  const id = newId();
  await insertUser(trx, {
    id,
    company_id: installation.company_id,
    name: claims.name ?? claims.email.split("@")[0] ?? claims.email,
    email: claims.email,
    password_hash: null,
    role: "customer",
    locale: "pt-BR",
    active: 1,
    last_login_at: null,
    previous_login_at: null,
    created_at: now,
    updated_at: now,
    anonymized_at: null,
  });
  await recordAudit(trx, { actorId: null, ip: client.ip, origin: undefined }, now, {
    action: "user.created_by_erp_link",
    targetType: "user",
    targetId: id,
    details: {
      email: claims.email,
      role: "customer",
      companyId: installation.company_id,
      installationId: installation.id,
      installationName: installation.name,
    },
  });
  return { id, lastLoginAt: null };
}

/**
 * Where the portal opens: "Abertura de ocorrência" on the screen's category (its answers first)
 * with the screen and record filled in; without a known category, the category step with them
 * filled in; without a screen, the ticket list.
 */
async function landingOf(ctx: AppContext, claims: ErpLinkClaims): Promise<string> {
  const screen = claims.screen ? await findScreen(ctx.db, claims.screen) : undefined;
  if (!screen) return "/portal/tickets";
  const params = new URLSearchParams();
  const categoryId = await categoryForScreen(ctx.db, screen.code);
  if (categoryId) params.set("category", categoryId);
  params.set("screen", screen.code);
  if (claims.record) params.set("record", claims.record);
  return `/portal/new?${params.toString()}`;
}
