// The monthly statement: every company's figures, one company's lines, and that company's CSV file.
// Supervisors and admins only: agents 403, customers 404, before the input is read.
import type { FastifyReply } from "fastify";
import {
  CompanyStatement,
  CompanyStatementParams,
  CompanyStatementQuery,
  StatementQuery,
  StatementReport,
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
import { companyStatement, statementReport } from "./statements";

const errorResponses = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function statementRoutes(ctx: AppContext) {
  async function statementOf(companyId: string, month: string): Promise<CompanyStatement> {
    const statement = await companyStatement(ctx, companyId, month);
    if (!statement) throw errors.notFound("company.not_found");
    return statement;
  }

  function sendCsv(reply: FastifyReply, statement: CompanyStatement, csv: string): FastifyReply {
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${statementFileName(statement)}"`)
      .header("cache-control", "private, no-store")
      .send(csv);
  }

  return async (app: ZodApp) => {
    app.addHook("preValidation", async (request) => {
      authorize(policies.billing.statements(requireAuth(request).actor));
    });

    app.get(
      "/api/v1/console/statements",
      {
        schema: {
          tags: ["billing", "console"],
          summary:
            "Supervisors and admins: per company, consultancy hours included, approved (used) and billable in a month, and the time logged",
          querystring: StatementQuery,
          response: { 200: StatementReport, ...errorResponses },
        },
      },
      async (request) => statementReport(ctx, request.query.month),
    );

    app.get(
      "/api/v1/console/statements/:companyId",
      {
        schema: {
          tags: ["billing", "console"],
          summary:
            "Supervisors and admins: one company's statement with its approved estimates and time per ticket (`format=csv`: the CSV file)",
          params: CompanyStatementParams,
          querystring: CompanyStatementQuery,
          response: { 200: CompanyStatement, ...errorResponses },
        },
      },
      async (request, reply) => {
        const statement = await statementOf(request.params.companyId, request.query.month);
        if (request.query.format === "csv")
          return sendCsv(reply, statement, statementCsv(statement, translatorFor(request)));
        return statement;
      },
    );

    app.get(
      "/api/v1/console/statements/:companyId.csv",
      {
        schema: {
          tags: ["billing", "console"],
          summary:
            "Supervisors and admins: the company's statement as CSV (“;”, decimal comma, dd/mm/aaaa, UTF-8 with BOM), as an attachment",
          params: CompanyStatementParams,
          querystring: StatementQuery,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const statement = await statementOf(request.params.companyId, request.query.month);
        return sendCsv(reply, statement, statementCsv(statement, translatorFor(request)));
      },
    );
  };
}
