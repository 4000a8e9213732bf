// "Instalações do ERP": registering, changing, re-keying and revoking the ERP installations whose
// signed links sign people in. Admins only (the routes ask the policy); every change is audited.
import type {
  CreateErpInstallationRequest,
  ErpAlgorithm,
  ErpInstallationWithSecret,
  UpdateErpInstallationRequest,
} from "../../../contracts/erp-installations";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import { type Executor, flag } from "../../db/schema";
import { errors } from "../../errors";
import { auditChanges } from "../audit/changes";
import { recordAudit } from "../audit/repository";
import { findCompany } from "../companies/repository";
import { generateSecret, isUsablePublicKey, sealedKey } from "./keys";
import { presentInstallation } from "./presenter";
import {
  type ErpInstallationWithCompany,
  findInstallation,
  insertInstallation,
  listInstallations,
  updateInstallation,
} from "./repository";

interface KeyInput {
  algorithm: ErpAlgorithm;
  secret?: string | undefined;
  publicKey?: string | undefined;
}

/** The columns a key becomes, checked before any transaction: a bad public key is a 422 on its field. */
async function keyColumns(
  input: KeyInput,
  field: string,
): Promise<{ algorithm: ErpAlgorithm; secret: string | null; public_key: string | null }> {
  if (input.algorithm === "HS256") {
    return { algorithm: "HS256", secret: input.secret ?? generateSecret(), public_key: null };
  }
  const pem = input.publicKey ?? "";
  if (!(await isUsablePublicKey(pem, input.algorithm)))
    throw errors.invalidOn("erp_installation.invalid_public_key", field);
  return { algorithm: input.algorithm, secret: null, public_key: pem };
}

async function loadInstallation(db: Executor, id: string): Promise<ErpInstallationWithCompany> {
  const row = await findInstallation(db, id);
  if (!row) throw errors.notFound("erp_installation.not_found");
  return row;
}

export async function installationList(ctx: AppContext) {
  return { items: (await listInstallations(ctx.db)).map(presentInstallation) };
}

export async function installationOf(ctx: AppContext, id: string) {
  return presentInstallation(await loadInstallation(ctx.db, id));
}

/** Registers an installation; the HS256 secret (generated when not given) is answered this once. */
export async function createInstallation(
  ctx: AppContext,
  meta: CommandMeta,
  props: CreateErpInstallationRequest,
): Promise<ErpInstallationWithSecret> {
  const key = await keyColumns(props, "publicKey");
  return ctx.db.transaction().execute(async (trx) => {
    const company = await findCompany(trx, { kind: "all" }, props.companyId);
    if (!company) throw errors.field("companyId", "error.company.not_found", props);
    if (company.active !== 1) throw errors.invalidOn("erp_installation.company_inactive", "companyId");
    const now = ctx.clock.now();
    const id = newId();
    await insertInstallation(trx, {
      id,
      name: props.name,
      company_id: company.id,
      ...sealedKey(ctx.config.secretsKey, key, id),
      creates_users: flag(props.createsUsers),
      active: 1,
      revoked_at: null,
      last_used_at: null,
      created_by: meta.actorId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, meta, now, {
      action: "erp_installation.created",
      targetType: "erp_installation",
      targetId: id,
      // Never the secret: the audit trail is read by people who must not sign links.
      details: {
        name: props.name,
        companyId: company.id,
        algorithm: key.algorithm,
        createsUsers: props.createsUsers,
      },
    });
    return { ...presentInstallation(await loadInstallation(trx, id)), secret: key.secret };
  });
}

/** Renames, pauses or resumes, changes `createsUsers`, or re-keys an installation (not a revoked one). */
export async function changeInstallation(
  ctx: AppContext,
  meta: CommandMeta,
  id: string,
  props: UpdateErpInstallationRequest,
): Promise<ErpInstallationWithSecret> {
  const key = props.rotateKey ? await keyColumns(props.rotateKey, "rotateKey.publicKey") : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadInstallation(trx, id);
    if (current.revoked_at !== null) throw errors.conflict("erp_installation.revoked");
    const next = {
      name: props.name ?? current.name,
      creates_users: props.createsUsers === undefined ? current.creates_users : flag(props.createsUsers),
      active: props.active === undefined ? current.active : flag(props.active),
    };
    const changes = auditChanges(
      { name: current.name, createsUsers: current.creates_users === 1, active: current.active === 1 },
      { name: next.name, createsUsers: next.creates_users === 1, active: next.active === 1 },
    );
    if (key) changes.algorithm = { before: current.algorithm, after: key.algorithm };
    const now = ctx.clock.now();
    if (Object.keys(changes).length > 0 || key) {
      await updateInstallation(trx, id, {
        ...next,
        ...(key && sealedKey(ctx.config.secretsKey, key, id)),
        updated_at: now,
      });
      await recordAudit(trx, meta, now, {
        action: key ? "erp_installation.key_rotated" : "erp_installation.updated",
        targetType: "erp_installation",
        targetId: id,
        changes,
      });
    }
    return { ...presentInstallation(await loadInstallation(trx, id)), secret: key?.secret ?? null };
  });
}

/** Revokes for good: links are refused from the next request on; the row stays for the trail. */
export async function revokeInstallation(ctx: AppContext, meta: CommandMeta, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadInstallation(trx, id);
    if (current.revoked_at !== null) return presentInstallation(current);
    const now = ctx.clock.now();
    await updateInstallation(trx, id, { revoked_at: now, active: 0, updated_at: now });
    await recordAudit(trx, meta, now, {
      action: "erp_installation.revoked",
      targetType: "erp_installation",
      targetId: id,
    });
    return presentInstallation(await loadInstallation(trx, id));
  });
}
