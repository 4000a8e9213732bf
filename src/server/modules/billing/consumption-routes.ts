// "Consumo do plano": one company's consultancy this month, for its admin (and supervisors and
// admins); another company's is a 404. Built on the monthly statement, without the internal time.
import type { FastifyReply } from "fastify";
import {
  type CompanyStatement,
  CompanyStatementQuery,
  PlanConsumption,
  PlanConsumptionParams,
} from "../../../contracts/billing";
import { ErrorResponse } from "../../../contracts/common";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { authorize } from "../../http";
import { translatorFor } from "../../plugins/locale";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { statementCsv, statementFileName } from "./statement-csv";
import { companyStatement } from "./statements";

function sendCsv(reply: FastifyReply, fileName: string, csv: string): FastifyReply {
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .header("cache-control", "private, no-store")
    .send(csv);
}

function presentConsumption(statement: CompanyStatement): PlanConsumption {
  const { includedMinutes, approvedMinutes, usedIncludedMinutes, billableMinutes } = statement.figures;
  return {
    month: statement.month,
    company: statement.company,
    figures: {
      includedMinutes,
      approvedMinutes,
      usedIncludedMinutes,
      billableMinutes,
      remainingMinutes: Math.max(0, includedMinutes - usedIncludedMinutes),
    },
    estimates: statement.estimates,
  };
}

export function consumptionRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.get(
      "/api/v1/companies/:companyId/plan-consumption",
      {
        schema: {
          tags: ["billing"],
          summary:
            "The company's admin (and supervisors and admins): the month's consultancy hours included, approved, used, remaining and billable, with the approved estimates (`format=csv`: the statement file)",
          params: PlanConsumptionParams,
          querystring: CompanyStatementQuery,
          response: { 200: PlanConsumption, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
        preValidation: async (request) => {
          const { actor } = requireAuth(request);
          const { companyId } = request.params as { companyId?: unknown };
          const company = { id: typeof companyId === "string" ? companyId : "" };
          authorize(policies.billing.ownStatement(actor, company), () =>
            errors.notFound("company.not_found"),
          );
        },
      },
      async (request, reply) => {
        const statement = await companyStatement(ctx, request.params.companyId, request.query.month);
        if (!statement) throw errors.notFound("company.not_found");
        if (request.query.format !== "csv") return presentConsumption(statement);
        return sendCsv(
          reply,
          statementFileName(statement),
          statementCsv(statement, translatorFor(request), true),
        );
      },
    );
  };
}
