// /api/v1/auth/*: sign in, sign out, set a password from a one-time link.
import { z } from "zod";
import { ForgotPasswordRequest, LoginRequest, Me, SetPasswordRequest } from "../../../contracts/auth";
import { ErrorResponse } from "../../../contracts/common";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { clientOf, commandMeta } from "../../http";
import { clearSessionCookie, setSessionCookie, toRequestAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { settingsOf } from "../settings/service";
import { presentMe } from "./presenter";
import { authenticate, login, logout, requestPasswordReset, setPasswordWithLink } from "./service";

export function authRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.post(
      "/api/v1/auth/login",
      {
        config: { public: true },
        schema: {
          tags: ["auth"],
          summary: "Sign in; sets the session cookie",
          body: LoginRequest,
          response: { 200: Me, 401: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => {
        const session = await login(ctx, request.body, clientOf(request));
        const row = await authenticate(ctx, session.token);
        if (!row) throw errors.unauthenticated();
        setSessionCookie(request, reply, session);
        return presentMe(toRequestAuth(row), await settingsOf(ctx));
      },
    );

    app.post(
      "/api/v1/auth/logout",
      {
        // Public: signing out of a session that already ended still clears the cookie.
        config: { public: true },
        schema: { tags: ["auth"], summary: "Sign out; ends this session", response: { 204: z.null() } },
      },
      async (request, reply) => {
        if (request.auth) await logout(ctx, request.auth.sessionId);
        clearSessionCookie(request, reply);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/v1/auth/forgot-password",
      {
        config: { public: true },
        schema: {
          tags: ["auth"],
          summary:
            "Ask for a one-time link to a new password, sent by e-mail to an active account; the same 202 whatever the e-mail",
          body: ForgotPasswordRequest,
          response: { 202: z.object({}), 400: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(
          ctx,
          commandMeta(request, ctx.config.publicUrl),
          request.body.email,
          clientOf(request),
        );
        return reply.status(202).send({});
      },
    );

    app.post(
      "/api/v1/auth/set-password",
      {
        config: { public: true },
        schema: {
          tags: ["auth"],
          summary: "Set a password with a one-time link's token; ends every session of the user",
          body: SetPasswordRequest,
          response: { 204: z.null(), 400: ErrorResponse },
        },
      },
      async (request, reply) => {
        await setPasswordWithLink(ctx, commandMeta(request, ctx.config.publicUrl), request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
