// GET /api/v1/console/staff: the team, for the console's assignee picker and @mentions.
import { ErrorResponse } from "../../../contracts/common";
import { StaffList } from "../../../contracts/staff";
import { policies } from "../../../domain/policies";
import { mentionHandle } from "../../../domain/tickets/mentions";
import type { AppContext } from "../../context";
import { authorize } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { listActiveStaff } from "./repository";

export function staffRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.get(
      "/api/v1/console/staff",
      {
        schema: {
          tags: ["console"],
          summary: "Staff: the active support team by name (assignees, @mentions)",
          response: { 200: StaffList, 404: ErrorResponse },
        },
      },
      async (request) => {
        authorize(policies.console.use(requireAuth(request).actor));
        const rows = await listActiveStaff(ctx.db);
        return {
          items: rows.map((row) => ({
            id: row.id,
            name: row.name,
            role: row.role,
            handle: mentionHandle(row.email),
          })),
        };
      },
    );
  };
}
