// /api/v1/notifications: the support team's bell. Each person reaches only their own notifications;
// customers are answered 404, as if the routes did not exist.
import { ErrorResponse } from "../../../contracts/common";
import {
  MarkNotificationsReadRequest,
  MarkNotificationsReadResult,
  NotificationListQuery,
  NotificationPage,
  UnreadNotificationCount,
} from "../../../contracts/notifications";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { authorize } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { presentNotification } from "./presenter";
import { markNotificationsRead, pageNotifications, unreadNotificationCount } from "./service";

export function notificationRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    // Authorized before the contract validates: a customer's bad query gets the same 404 as a good one.
    app.addHook("preValidation", async (request) => {
      authorize(policies.notification.use(requireAuth(request).actor));
    });

    app.get(
      "/api/v1/notifications",
      {
        schema: {
          tags: ["notifications"],
          summary: "Staff: my notifications, newest first; `unread=true` for unread ones only",
          querystring: NotificationListQuery,
          response: { 200: NotificationPage, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const page = await pageNotifications(ctx, actor.userId, request.query);
        return { items: page.rows.map(presentNotification), nextCursor: page.nextCursor };
      },
    );

    app.get(
      "/api/v1/notifications/unread-count",
      {
        schema: {
          tags: ["notifications"],
          summary: "Staff: how many of my notifications are unread (the bell's badge)",
          response: { 200: UnreadNotificationCount, 404: ErrorResponse },
        },
      },
      async (request) => ({ count: await unreadNotificationCount(ctx, requireAuth(request).actor.userId) }),
    );

    app.post(
      "/api/v1/notifications/read",
      {
        schema: {
          tags: ["notifications"],
          summary: "Staff: mark some (`ids`) or all (`all: true`) of my notifications read",
          body: MarkNotificationsReadRequest,
          response: { 200: MarkNotificationsReadResult, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => markNotificationsRead(ctx, requireAuth(request).actor.userId, request.body),
    );
  };
}
