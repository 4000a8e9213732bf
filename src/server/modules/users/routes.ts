// /api/v1/users: accounts are created by the support team (or a company's admin), never self-registered.
import { ErrorResponse, isStaffRole, type Role } from "../../../contracts/common";
import {
  CreatedUser,
  CreateUserRequest,
  PasswordLink,
  UpdateUserRequest,
  User,
  UserIdParams,
  UserInvitation,
  UserListQuery,
  UserPage,
} from "../../../contracts/users";
import { type Actor, policies, scopeOf } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { settingsOf } from "../settings/service";
import { presentUser } from "./presenter";
import type { UserRow } from "./repository";
import {
  changeUser,
  companyNameOfUser,
  createUser,
  getUser,
  inviteUser,
  issueLinkFor,
  locksOf,
  pageUsers,
  unlockUser,
} from "./service";

const notFound = () => errors.notFound("user.not_found");
const resourceOf = (row: { id: string; company_id: string | null; role: Role }) => ({
  id: row.id,
  companyId: row.company_id,
  role: row.role,
});

export function userRoutes(ctx: AppContext) {
  /** One account as this reader may see it: staff also learn of a sign-in lock. */
  const presentUserFor = async (actor: Actor, row: UserRow) => {
    const companyName = await companyNameOfUser(ctx, row);
    if (!isStaffRole(actor.role)) return presentUser(row, { companyName });
    const locks = await locksOf(ctx, [row]);
    return presentUser(row, { companyName, lockedUntil: locks.get(row.email) ?? null });
  };

  return async (app: ZodApp) => {
    app.get(
      "/api/v1/users",
      {
        schema: {
          tags: ["users"],
          summary: "Users by name: staff see all (filter by company), a company's admin sees its own",
          querystring: UserListQuery,
          response: { 200: UserPage, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const companyId = request.query.companyId ?? actor.companyId;
        authorize(policies.user.list(actor, companyId ? { id: companyId } : null));
        const page = await pageUsers(ctx, scopeOf(actor), {
          ...request.query,
          companyId: companyId ?? undefined,
        });
        const staff = isStaffRole(actor.role);
        const locks = staff ? await locksOf(ctx, page.rows) : undefined;
        return {
          items: page.rows.map((row) =>
            presentUser(row, {
              companyName: row.company_name,
              ...(locks && { lockedUntil: locks.get(row.email) ?? null }),
            }),
          ),
          nextCursor: page.nextCursor,
        };
      },
    );

    app.post(
      "/api/v1/users",
      {
        schema: {
          tags: ["users"],
          summary:
            "Create an account. Staff get it with the one-time link that sets its password (201); a " +
            "company admin's request is an invitation answered alike whether or not the e-mail is in use (202)",
          body: CreateUserRequest,
          response: {
            201: CreatedUser,
            202: UserInvitation,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        const settings = await settingsOf(ctx);
        const shape = { companyId: request.body.companyId ?? null, role: request.body.role };
        authorize(policies.user.manage(actor, shape, settings));
        const meta = commandMeta(request, ctx.config.publicUrl);
        if (!isStaffRole(actor.role) && actor.companyId) {
          const invitation = await inviteUser(ctx, meta, { ...request.body, companyId: actor.companyId });
          return reply.status(202).send(invitation);
        }
        const { user, link } = await createUser(ctx, meta, request.body);
        return reply.status(201).send({ user: presentUser(user), setPasswordLink: link });
      },
    );

    app.get(
      "/api/v1/users/:userId",
      { schema: { tags: ["users"], params: UserIdParams, response: { 200: User, 404: ErrorResponse } } },
      async (request) => {
        const { actor } = requireAuth(request);
        const row = await getUser(ctx, scopeOf(actor), request.params.userId);
        if (!row) throw notFound();
        authorize(policies.user.read(actor, resourceOf(row)), notFound);
        return presentUserFor(actor, row);
      },
    );

    app.patch(
      "/api/v1/users/:userId",
      {
        schema: {
          tags: ["users"],
          summary: "Change an account; disabling it ends its sessions",
          params: UserIdParams,
          body: UpdateUserRequest,
          response: {
            200: User,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            422: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const current = await getUser(ctx, scopeOf(actor), request.params.userId);
        if (!current) throw notFound();
        authorize(policies.user.read(actor, resourceOf(current)), notFound);
        const settings = await settingsOf(ctx);
        authorize(policies.user.manage(actor, resourceOf(current), settings), notFound);
        // Granting a role is managing an account of that role: only an admin grants admin or supervisor.
        if (request.body.role !== undefined) {
          const granted = { companyId: current.company_id, role: request.body.role };
          authorize(policies.user.manage(actor, granted, settings), notFound);
        }
        const row = await changeUser(
          ctx,
          commandMeta(request, ctx.config.publicUrl),
          current.id,
          request.body,
        );
        return presentUserFor(actor, row);
      },
    );

    app.post(
      "/api/v1/users/:userId/password-link",
      {
        schema: {
          tags: ["users"],
          summary: "A new one-time link to set or reset the password (voids earlier links)",
          params: UserIdParams,
          response: { 201: PasswordLink, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        const current = await getUser(ctx, scopeOf(actor), request.params.userId);
        if (!current) throw notFound();
        authorize(policies.user.read(actor, resourceOf(current)), notFound);
        // The link is the support team's to hand over: a company's admin never holds a colleague's.
        authorize(policies.user.unlock(actor, resourceOf(current)), notFound);
        const link = await issueLinkFor(ctx, commandMeta(request, ctx.config.publicUrl), current);
        return reply.status(201).send(link);
      },
    );

    app.post(
      "/api/v1/users/:userId/unlock",
      {
        schema: {
          tags: ["users"],
          summary: 'Lift the sign-in lock left by too many failed attempts ("desbloquear")',
          params: UserIdParams,
          response: { 200: User, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const current = await getUser(ctx, scopeOf(actor), request.params.userId);
        if (!current) throw notFound();
        authorize(policies.user.read(actor, resourceOf(current)), notFound);
        authorize(policies.user.unlock(actor, resourceOf(current)), notFound);
        await unlockUser(ctx, commandMeta(request, ctx.config.publicUrl), current);
        return presentUserFor(actor, current);
      },
    );
  };
}
