// Company use cases: each one transaction, audited.
import type {
  CompanyStorage,
  CreateCompanyRequest,
  UpdateCompanyRequest,
} from "../../../contracts/companies";
import type { Scope } from "../../../domain/policies";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import { decodeNameIdCursor, toPage } from "../../db/cursor";
import { flag } from "../../db/schema";
import { errors } from "../../errors";
import { endStreams } from "../../events/streams-end";
import { storageBytesOfCompanies } from "../attachments/usage-repository";
import { recordAudit } from "../audit/repository";
import { planExists } from "../plans/repository";
import {
  type CompanyRow,
  findCompany,
  findCompanyByCnpj,
  insertCompany,
  listCompanies,
  updateCompany,
} from "./repository";

export async function createCompany(
  ctx: AppContext,
  meta: CommandMeta,
  props: CreateCompanyRequest,
): Promise<CompanyRow> {
  return ctx.db.transaction().execute(async (trx) => {
    if (await findCompanyByCnpj(trx, props.cnpj)) throw errors.conflict("company.cnpj_taken");
    if (props.planId && !(await planExists(trx, props.planId)))
      throw errors.field("planId", "validation.plan_unknown", props);
    const now = ctx.clock.now();
    const { planId, ...fields } = props;
    const row: CompanyRow = {
      id: newId(),
      ...fields,
      plan_id: planId ?? null,
      active: 1,
      created_at: now,
      updated_at: now,
    };
    await insertCompany(trx, row);
    await recordAudit(trx, meta, now, {
      action: "company.created",
      targetType: "company",
      targetId: row.id,
      details: props,
    });
    return row;
  });
}

/** Changes a company the caller has already been authorized for. */
export async function changeCompany(
  ctx: AppContext,
  meta: CommandMeta,
  id: string,
  props: UpdateCompanyRequest,
): Promise<CompanyRow> {
  const row = await ctx.db.transaction().execute(async (trx) => {
    const current = await findCompany(trx, { kind: "all" }, id);
    if (!current) throw errors.notFound("company.not_found");
    if (props.planId && !(await planExists(trx, props.planId)))
      throw errors.field("planId", "validation.plan_unknown", props);
    const now = ctx.clock.now();
    const changes = {
      ...(props.planId !== undefined && { plan_id: props.planId }),
      ...(props.name !== undefined && { name: props.name }),
      ...(props.state !== undefined && { state: props.state }),
      ...(props.city !== undefined && { city: props.city }),
      ...(props.active !== undefined && { active: flag(props.active) }),
      updated_at: now,
    };
    await updateCompany(trx, id, changes);
    await recordAudit(trx, meta, now, {
      action: "company.updated",
      targetType: "company",
      targetId: id,
      details: props,
    });
    return { ...current, ...changes };
  });
  // Its users' sessions stop authenticating; their open streams end now too.
  if (props.active === false) await endStreams(ctx.live, { kind: "company", id }, ctx.clock.now());
  return row;
}

export function getCompany(ctx: AppContext, scope: Scope, id: string): Promise<CompanyRow | undefined> {
  return findCompany(ctx.db, scope, id);
}

export async function pageCompanies(
  ctx: AppContext,
  scope: Scope,
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ rows: CompanyRow[]; nextCursor: string | null }> {
  const rows = await listCompanies(ctx.db, scope, {
    q: query.q,
    after: decodeNameIdCursor(query.cursor),
    limit: query.limit,
  });
  return toPage(rows, query.limit, (row) => [row.name, row.id]);
}

/** Each company's attachment storage and the quota, for callers allowed to read them. */
export async function storageOfCompanies(
  ctx: AppContext,
  companyIds: readonly string[],
): Promise<Map<string, CompanyStorage>> {
  const used = await storageBytesOfCompanies(ctx.db, companyIds);
  const storageQuotaBytes = ctx.config.uploads.companyQuotaBytes;
  return new Map(companyIds.map((id) => [id, { storageBytes: used.get(id) ?? 0, storageQuotaBytes }]));
}
