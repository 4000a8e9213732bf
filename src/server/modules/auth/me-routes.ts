// /api/v1/me: the signed-in user's profile, language and password.
import { ChangePasswordRequest, Me, UpdateMeRequest } from "../../../contracts/auth";
import { ErrorResponse } from "../../../contracts/common";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { clientOf, commandMeta } from "../../http";
import { requireAuth, setSessionCookie, toRequestAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { settingsOf } from "../settings/service";
import { changeUser } from "../users/service";
import { presentMe } from "./presenter";
import { authenticate, changePassword } from "./service";

export function meRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.get(
      "/api/v1/me",
      { schema: { tags: ["me"], summary: "Who is signed in", response: { 200: Me, 401: ErrorResponse } } },
      async (request) => presentMe(requireAuth(request), await settingsOf(ctx)),
    );

    app.patch(
      "/api/v1/me",
      {
        schema: {
          tags: ["me"],
          summary: "Change one's own name or language",
          body: UpdateMeRequest,
          response: { 200: Me, 401: ErrorResponse },
        },
      },
      async (request) => {
        const auth = requireAuth(request);
        const meta = commandMeta(request, ctx.config.publicUrl);
        const user = await changeUser(ctx, meta, auth.actor.userId, request.body);
        return presentMe(
          {
            ...auth,
            locale: request.body.locale ?? auth.locale,
            user: { ...auth.user, name: user.name, locale: user.locale },
          },
          await settingsOf(ctx),
        );
      },
    );

    app.post(
      "/api/v1/me/password",
      {
        schema: {
          tags: ["me"],
          summary: "Change one's own password (re-authenticates); every other session ends",
          body: ChangePasswordRequest,
          response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request, reply) => {
        const auth = requireAuth(request);
        const meta = { ...commandMeta(request, ctx.config.publicUrl), actorId: auth.actor.userId };
        const session = await changePassword(ctx, meta, request.body, clientOf(request));
        const row = await authenticate(ctx, session.token);
        if (!row) throw errors.unauthenticated();
        setSessionCookie(request, reply, session);
        return presentMe(toRequestAuth(row), await settingsOf(ctx));
      },
    );
  };
}
