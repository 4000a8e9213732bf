// /api/v1/integrations/erp-installations ("Instalações do ERP", admins): register, list, change,
// re-key and revoke the ERP installations whose signed links sign people in.
import { ErrorResponse } from "../../../contracts/common";
import {
  CreateErpInstallationRequest,
  ErpInstallation,
  ErpInstallationList,
  ErpInstallationParams,
  ErpInstallationWithSecret,
  UpdateErpInstallationRequest,
} from "../../../contracts/erp-installations";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import {
  changeInstallation,
  createInstallation,
  installationList,
  installationOf,
  revokeInstallation,
} from "./installations";

const BASE = "/api/v1/integrations/erp-installations";
const denied = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function erpInstallationRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.get(
      BASE,
      {
        schema: {
          tags: ["integrations"],
          summary: "The ERP installations, newest first (admins)",
          response: { 200: ErpInstallationList, ...denied },
        },
      },
      async (request) => {
        authorize(policies.integrations.manage(requireAuth(request).actor));
        return installationList(ctx);
      },
    );

    app.post(
      BASE,
      {
        schema: {
          tags: ["integrations"],
          summary:
            "Register an ERP installation (admins; audited). HS256 without a secret gets a generated one, answered only here",
          body: CreateErpInstallationRequest,
          response: { 201: ErpInstallationWithSecret, 400: ErrorResponse, 422: ErrorResponse, ...denied },
        },
      },
      async (request, reply) => {
        authorize(policies.integrations.manage(requireAuth(request).actor));
        const created = await createInstallation(
          ctx,
          commandMeta(request, ctx.config.publicUrl),
          request.body,
        );
        return reply.status(201).send(created);
      },
    );

    app.get(
      `${BASE}/:id`,
      {
        schema: {
          tags: ["integrations"],
          summary: "One ERP installation (admins); an HS256 secret is never answered again",
          params: ErpInstallationParams,
          response: { 200: ErpInstallation, 400: ErrorResponse, ...denied },
        },
      },
      async (request) => {
        authorize(policies.integrations.manage(requireAuth(request).actor));
        return installationOf(ctx, request.params.id);
      },
    );

    app.patch(
      `${BASE}/:id`,
      {
        schema: {
          tags: ["integrations"],
          summary: "Rename, pause or resume, change user creation, or rotate the key (admins; audited)",
          params: ErpInstallationParams,
          body: UpdateErpInstallationRequest,
          response: {
            200: ErpInstallationWithSecret,
            400: ErrorResponse,
            409: ErrorResponse,
            422: ErrorResponse,
            ...denied,
          },
        },
      },
      async (request) => {
        authorize(policies.integrations.manage(requireAuth(request).actor));
        return changeInstallation(
          ctx,
          commandMeta(request, ctx.config.publicUrl),
          request.params.id,
          request.body,
        );
      },
    );

    app.delete(
      `${BASE}/:id`,
      {
        schema: {
          tags: ["integrations"],
          summary: "Revoke an ERP installation for good: its links are refused at once (admins; audited)",
          params: ErpInstallationParams,
          response: { 200: ErpInstallation, 400: ErrorResponse, ...denied },
        },
      },
      async (request) => {
        authorize(policies.integrations.manage(requireAuth(request).actor));
        return revokeInstallation(ctx, commandMeta(request, ctx.config.publicUrl), request.params.id);
      },
    );
  };
}
