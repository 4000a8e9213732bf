// /api/v1/settings: the settings an admin changes without a restart ("Configurações").
import { ErrorResponse } from "../../../contracts/common";
import { Settings, UpdateSettingsRequest } from "../../../contracts/settings";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { settingsOf, updateSettings } from "./service";

export function settingsRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.get(
      "/api/v1/settings",
      {
        schema: {
          tags: ["settings"],
          summary: "The settings in force (admins)",
          response: { 200: Settings, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        authorize(policies.settings.manage(requireAuth(request).actor));
        return settingsOf(ctx);
      },
    );

    app.put(
      "/api/v1/settings",
      {
        schema: {
          tags: ["settings"],
          summary: "Change the settings (admins); audited with before → after",
          body: UpdateSettingsRequest,
          response: { 200: Settings, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        authorize(policies.settings.manage(requireAuth(request).actor));
        return updateSettings(ctx, commandMeta(request, ctx.config.publicUrl), request.body);
      },
    );
  };
}
