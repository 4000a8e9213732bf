// /api/v1/companies: staff list and manage customer companies; a customer sees only its own.
import { ErrorResponse } from "../../../contracts/common";
import {
  Company,
  CompanyIdParams,
  CompanyListQuery,
  CompanyOverview,
  CompanyPage,
  CreateCompanyRequest,
  UpdateCompanyRequest,
} from "../../../contracts/companies";
import { type Actor, policies, scopeOf } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { presentCompany, presentCompanyListItem, presentCompanyOverview } from "./presenter";
import {
  changeCompany,
  companyOverview,
  createCompany,
  getCompany,
  pageCompanies,
  storageOfCompanies,
} from "./service";

const notFound = () => errors.notFound("company.not_found");

export function companyRoutes(ctx: AppContext) {
  /** The company's storage figures when the actor may read them, else nothing (the fields are left out). */
  const storageVisibleTo = async (actor: Actor, company: { id: string }) =>
    policies.company.readStorage(actor, company) === "allow"
      ? (await storageOfCompanies(ctx, [company.id])).get(company.id)
      : undefined;

  return async (app: ZodApp) => {
    app.get(
      "/api/v1/companies",
      {
        schema: {
          tags: ["companies"],
          summary: "Customer companies, by name (staff)",
          querystring: CompanyListQuery,
          response: { 200: CompanyPage, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.company.list(actor));
        const page = await pageCompanies(ctx, scopeOf(actor), request.query);
        const readable = page.rows.filter((row) => policies.company.readStorage(actor, row) === "allow");
        const storage = await storageOfCompanies(
          ctx,
          readable.map((row) => row.id),
        );
        return {
          items: page.rows.map((row) => presentCompanyListItem(row, true, storage.get(row.id))),
          nextCursor: page.nextCursor,
        };
      },
    );

    app.post(
      "/api/v1/companies",
      {
        schema: {
          tags: ["companies"],
          summary: "Register a customer company (admin)",
          body: CreateCompanyRequest,
          response: { 201: Company, 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        authorize(policies.company.create(actor));
        const row = await createCompany(ctx, commandMeta(request, ctx.config.publicUrl), request.body);
        return reply.status(201).send(presentCompany(row, await storageVisibleTo(actor, row)));
      },
    );

    app.get(
      "/api/v1/companies/:companyId",
      {
        schema: {
          tags: ["companies"],
          params: CompanyIdParams,
          response: { 200: Company, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const row = await getCompany(ctx, scopeOf(actor), request.params.companyId);
        if (!row) throw notFound();
        authorize(policies.company.read(actor, row), notFound);
        return presentCompany(row, await storageVisibleTo(actor, row));
      },
    );

    app.get(
      "/api/v1/companies/:companyId/overview",
      {
        schema: {
          tags: ["companies"],
          summary: "The console's company page: counts, recent tickets, this month's consultancy (staff)",
          params: CompanyIdParams,
          response: { 200: CompanyOverview, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.company.overview(actor), notFound);
        const overview = await companyOverview(ctx, request.params.companyId);
        if (!overview) throw notFound();
        return presentCompanyOverview(overview, await storageVisibleTo(actor, overview.company));
      },
    );

    app.patch(
      "/api/v1/companies/:companyId",
      {
        schema: {
          tags: ["companies"],
          summary: "Change a company (admin); deactivating it blocks its users' sign-in",
          params: CompanyIdParams,
          body: UpdateCompanyRequest,
          response: {
            200: Company,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const current = await getCompany(ctx, scopeOf(actor), request.params.companyId);
        if (!current) throw notFound();
        authorize(policies.company.update(actor, current), notFound);
        const row = await changeCompany(
          ctx,
          commandMeta(request, ctx.config.publicUrl),
          current.id,
          request.body,
        );
        return presentCompany(row, await storageVisibleTo(actor, row));
      },
    );
  };
}
