// Company use cases: each one transaction, audited.
import type {
  CompanyListQuery,
  CompanyStorage,
  CreateCompanyRequest,
  UpdateCompanyRequest,
} from "../../../contracts/companies";
import { billingMonthOf } from "../../../domain/billing/months";
import type { Scope } from "../../../domain/policies";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import { decodeNameIdCursor, toPage } from "../../db/cursor";
import { isUniqueViolation } from "../../db/errors";
import { flag } from "../../db/schema";
import { errors } from "../../errors";
import { endStreams } from "../../events/streams-end";
import { storageBytesOfCompanies } from "../attachments/usage-repository";
import { auditChanges } from "../audit/changes";
import { recordAudit } from "../audit/repository";
import { companyStatement } from "../billing/statements";
import { planExists } from "../plans/repository";
import {
  type CompanyRow,
  type CompanySummaryRow,
  deleteSessionsOfCompany,
  findCompany,
  findCompanyByCnpj,
  findCompanySummary,
  insertCompany,
  listCompanies,
  recentTicketsOf,
  updateCompany,
} from "./repository";

export async function createCompany(
  ctx: AppContext,
  meta: CommandMeta,
  props: CreateCompanyRequest,
): Promise<CompanyRow> {
  try {
    return await insertNewCompany(ctx, meta, props);
  } catch (error) {
    // Two registrations of one CNPJ at once: the unique index decides, on the field all the same.
    if (isUniqueViolation(error)) throw errors.conflictOn("company.cnpj_taken", "cnpj");
    throw error;
  }
}

function insertNewCompany(ctx: AppContext, meta: CommandMeta, props: CreateCompanyRequest) {
  return ctx.db.transaction().execute(async (trx) => {
    if (await findCompanyByCnpj(trx, props.cnpj)) throw errors.conflictOn("company.cnpj_taken", "cnpj");
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

/**
 * Changes a company the caller has already been authorized for, audited field by field. A new plan
 * applies to tickets opened from now on (each ticket keeps the deadlines it was opened with).
 * Deactivating ends its users' sessions at once and refuses their sign-in; nothing is deleted.
 */
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
    if (props.active === false) await deleteSessionsOfCompany(trx, id);
    const before = {
      name: current.name,
      state: current.state,
      city: current.city,
      active: current.active === 1,
      planId: current.plan_id,
    };
    const audited = auditChanges(before, props);
    if (Object.keys(audited).length > 0) {
      await recordAudit(trx, meta, now, {
        action: auditActionOf(props, current),
        targetType: "company",
        targetId: id,
        changes: audited,
      });
    }
    return { ...current, ...changes };
  });
  // Its users' sessions stop authenticating; their open streams end now too.
  if (props.active === false) await endStreams(ctx.live, { kind: "company", id }, ctx.clock.now());
  return row;
}

function auditActionOf(props: UpdateCompanyRequest, current: CompanyRow): string {
  if (props.active === false && current.active === 1) return "company.deactivated";
  if (props.active === true && current.active === 0) return "company.reactivated";
  if (props.planId !== undefined && props.planId !== current.plan_id) return "company.plan_changed";
  return "company.updated";
}

export function getCompany(ctx: AppContext, scope: Scope, id: string): Promise<CompanyRow | undefined> {
  return findCompany(ctx.db, scope, id);
}

export async function pageCompanies(
  ctx: AppContext,
  scope: Scope,
  query: CompanyListQuery,
): Promise<{ rows: CompanySummaryRow[]; nextCursor: string | null }> {
  const rows = await listCompanies(ctx.db, scope, {
    q: query.q,
    active: query.active === undefined ? undefined : query.active === "true",
    planId: query.planId,
    state: query.state,
    after: decodeNameIdCursor(query.cursor),
    limit: query.limit,
  });
  return toPage(rows, query.limit, (row) => [row.name, row.id]);
}

const RECENT_TICKETS = 10;

/**
 * The console's company page: the company with its counts, its latest tickets, and this month's
 * consultancy figures from the monthly statement (the same code, so the two never disagree).
 */
export async function companyOverview(ctx: AppContext, id: string) {
  const company = await findCompanySummary(ctx.db, id);
  if (!company) return undefined;
  const month = billingMonthOf(ctx.clock.now());
  const [recent, statement] = await Promise.all([
    recentTicketsOf(ctx.db, id, RECENT_TICKETS),
    companyStatement(ctx, id, month),
  ]);
  return { company, recent, month, figures: statement?.figures };
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
