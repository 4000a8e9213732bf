// Which API routes a token reaches, and with which scope: one table for the whole API.
//
// Why one central table rather than a `config.scope` on each route: the token surface is a security
// boundary best reviewed on one screen (every route, what it grants), it leaves the route files alone
// (features land in parallel without touching each other's files), and the OpenAPI document and the
// gate read the same entries. Deny by default: a route missing here refuses every token (as
// `session`), and `route-access.test.ts` fails until it is declared. To add a route, add one line:
//   "POST /api/v1/things": "things:write",   (or "session" if no token should ever call it)
// A scope opens a route to a token; the route's own policy still decides with the token's actor.
import type { ApiScope } from "../../../contracts/tokens";

/**
 * - an `ApiScope`: tokens carrying it (and sessions);
 * - `any`: any valid token, whatever its scopes (who am I);
 * - `session`: a signed-in browser only; a token gets 403 (sign-in state, passwords, the token
 *   routes themselves, personal UI such as the bell, presence and live events);
 * - `public`: anyone, signed in or not (`config: { public: true }`); a token is not even read.
 */
export type RouteAccess = ApiScope | "any" | "session" | "public";

export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  // Sign-in and the sign-in page's facts.
  "GET /api/v1/app": "public",
  "GET /api/openapi.json": "public",
  "POST /api/v1/auth/login": "public",
  "POST /api/v1/auth/logout": "public",
  "POST /api/v1/auth/forgot-password": "public",
  "POST /api/v1/auth/set-password": "public",
  // One's own account: a token may ask who it acts as, nothing more.
  "GET /api/v1/me": "any",
  "PATCH /api/v1/me": "session",
  "POST /api/v1/me/password": "session",
  "GET /api/v1/me/notification-preferences": "session",
  "PUT /api/v1/me/notification-preferences": "session",
  // Tokens are made and revoked by a person, never by another token.
  "POST /api/v1/tokens": "session",
  "GET /api/v1/tokens": "session",
  "DELETE /api/v1/tokens/:id": "session",
  // Companies and people.
  "GET /api/v1/companies": "companies:read",
  "GET /api/v1/companies/:companyId": "companies:read",
  "GET /api/v1/companies/:companyId/overview": "companies:read",
  "POST /api/v1/companies": "session",
  "PATCH /api/v1/companies/:companyId": "session",
  "GET /api/v1/users": "users:read",
  "GET /api/v1/users/:userId": "users:read",
  "POST /api/v1/users": "users:write",
  "PATCH /api/v1/users/:userId": "users:write",
  // A reset link for an existing account hands that account over: a person's decision only.
  "POST /api/v1/users/:userId/password-link": "session",
  "POST /api/v1/users/:userId/unlock": "users:write",
  "GET /api/v1/console/staff": "users:read",
  // Personal data (LGPD) and the audit trail name people and addresses: a signed-in admin only.
  "GET /api/v1/users/:userId/privacy": "session",
  "GET /api/v1/users/:userId/export": "session",
  "POST /api/v1/users/:userId/anonymize": "session",
  "GET /api/v1/audit": "session",
  "GET /api/v1/audit.csv": "session",
  "GET /api/v1/audit/actors": "session",
  // Knowledge base.
  "GET /api/v1/categories": "kb:read",
  "GET /api/v1/categories/:categoryId/articles": "kb:read",
  "GET /api/v1/articles": "kb:read",
  "GET /api/v1/kb/categories": "kb:read",
  "GET /api/v1/kb/articles": "kb:read",
  "GET /api/v1/kb/articles/:articleId": "kb:read",
  "POST /api/v1/categories": "kb:write",
  "PATCH /api/v1/categories/:categoryId": "kb:write",
  "POST /api/v1/articles": "kb:write",
  "PATCH /api/v1/articles/:articleId": "kb:write",
  // Views and "isso resolveu" measure people reading: a script would skew them.
  "POST /api/v1/articles/:articleId/helpful": "session",
  "POST /api/v1/articles/:articleId/views": "session",
  "POST /api/v1/markdown/preview": "session",
  "GET /api/v1/kb/articles/:articleId/stats": "reports:read",
  "GET /api/v1/kb/unanswered-searches": "reports:read",
  // ERP screens: reading the catalog is part of opening tickets; changing it is the console's.
  "GET /api/v1/screens": "tickets:read",
  "GET /api/v1/console/screens": "tickets:read",
  "POST /api/v1/screens/import": "session",
  "PATCH /api/v1/screens/:code": "session",
  "GET /api/v1/reports/top-screens": "reports:read",
  // Tickets and everything done on them.
  "GET /api/v1/tickets": "tickets:read",
  "GET /api/v1/tickets/:number": "tickets:read",
  "GET /api/v1/tickets/:number/deadlines/:metric": "tickets:read",
  "POST /api/v1/tickets": "tickets:write",
  "PATCH /api/v1/tickets/:number": "tickets:write",
  "POST /api/v1/tickets/:number/messages": "tickets:write",
  "POST /api/v1/attachments": "tickets:write",
  "GET /api/v1/attachments/:attachmentId": "tickets:read",
  "DELETE /api/v1/attachments/:attachmentId": "tickets:write",
  "POST /api/v1/console/phone-tickets": "tickets:write",
  "POST /api/v1/tickets/:number/calls": "tickets:write",
  "POST /api/v1/tickets/:number/merge": "tickets:write",
  "POST /api/v1/tickets/:number/links": "tickets:write",
  "DELETE /api/v1/tickets/:number/links/:other": "tickets:write",
  "GET /api/v1/tickets/:number/time-entries": "tickets:read",
  "POST /api/v1/tickets/:number/time-entries": "tickets:write",
  "DELETE /api/v1/tickets/:number/time-entries/:entryId": "tickets:write",
  "GET /api/v1/tickets/:number/estimates": "tickets:read",
  "POST /api/v1/tickets/:number/estimates": "tickets:write",
  "POST /api/v1/tickets/:number/estimates/:estimateId/send": "tickets:write",
  "POST /api/v1/tickets/:number/estimates/:estimateId/withdraw": "tickets:write",
  "POST /api/v1/tickets/:number/estimates/:estimateId/approve": "tickets:write",
  "POST /api/v1/tickets/:number/estimates/:estimateId/decline": "tickets:write",
  "GET /api/v1/console/queue": "tickets:read",
  "GET /api/v1/console/queue/counts": "tickets:read",
  "GET /api/v1/console/queue/options": "tickets:read",
  // A person's own working tools: the bell, presence, live events, following, replies, views.
  "GET /api/v1/notifications": "session",
  "GET /api/v1/notifications/unread-count": "session",
  "POST /api/v1/notifications/read": "session",
  "GET /api/v1/events": "session",
  "GET /api/v1/tickets/:number/presence": "session",
  "POST /api/v1/tickets/:number/presence": "session",
  "GET /api/v1/tickets/:number/following": "session",
  "PUT /api/v1/tickets/:number/following": "session",
  "GET /api/v1/console/canned-responses": "session",
  "POST /api/v1/console/canned-responses": "session",
  "PUT /api/v1/console/canned-responses/:id": "session",
  "DELETE /api/v1/console/canned-responses/:id": "session",
  "POST /api/v1/console/canned-responses/:id/render": "session",
  "GET /api/v1/console/views": "session",
  "POST /api/v1/console/views": "session",
  "PUT /api/v1/console/views/:viewId": "session",
  "DELETE /api/v1/console/views/:viewId": "session",
  // Reports.
  "GET /api/v1/sla/compliance": "reports:read",
  "GET /api/v1/sla/at-risk": "reports:read",
  "GET /api/v1/console/time-entries": "reports:read",
  "GET /api/v1/console/statements": "reports:read",
  "GET /api/v1/console/statements/:companyId": "reports:read",
  "GET /api/v1/console/statements/:companyId.csv": "reports:read",
  "GET /api/v1/companies/:companyId/plan-consumption": "reports:read",
  // Plans, calendars, settings and the outbox: configuration, changed by a signed-in person.
  "GET /api/v1/calendars": "session",
  "POST /api/v1/calendars": "session",
  "GET /api/v1/calendars/:calendarId": "session",
  "PUT /api/v1/calendars/:calendarId": "session",
  "DELETE /api/v1/calendars/:calendarId": "session",
  "POST /api/v1/calendars/:calendarId/archive": "session",
  "POST /api/v1/calendars/:calendarId/unarchive": "session",
  "GET /api/v1/calendars/:calendarId/holidays": "session",
  "POST /api/v1/calendars/:calendarId/holidays": "session",
  "DELETE /api/v1/calendars/:calendarId/holidays/:date": "session",
  "POST /api/v1/calendars/:calendarId/holidays/:date/restore": "session",
  "GET /api/v1/plans": "session",
  "POST /api/v1/plans": "session",
  "GET /api/v1/plans/:planId": "session",
  "PUT /api/v1/plans/:planId": "session",
  "DELETE /api/v1/plans/:planId": "session",
  "POST /api/v1/plans/:planId/archive": "session",
  "POST /api/v1/plans/:planId/unarchive": "session",
  "POST /api/v1/sla/simulate": "session",
  "GET /api/v1/settings": "session",
  "PUT /api/v1/settings": "session",
  // ERP installations hold the keys that sign people in: a signed-in admin only.
  "GET /api/v1/integrations/erp-installations": "session",
  "POST /api/v1/integrations/erp-installations": "session",
  "GET /api/v1/integrations/erp-installations/:id": "session",
  "PATCH /api/v1/integrations/erp-installations/:id": "session",
  "DELETE /api/v1/integrations/erp-installations/:id": "session",
  // Webhooks carry a signing secret and point at the vendor's systems: a signed-in admin only.
  "GET /api/v1/webhooks": "session",
  "POST /api/v1/webhooks": "session",
  "GET /api/v1/webhooks/:id": "session",
  "PATCH /api/v1/webhooks/:id": "session",
  "DELETE /api/v1/webhooks/:id": "session",
  "GET /api/v1/webhooks/:id/deliveries": "session",
  "POST /api/v1/webhooks/:id/deliveries/:deliveryId/resend": "session",
  "GET /api/v1/admin/outbox": "session",
  "GET /api/v1/admin/outbox/:id": "session",
  "POST /api/v1/admin/outbox/:id/resend": "session",
};

/** The declaration of a route as the router knows it (`HEAD` is Fastify's copy of `GET`). */
export function routeAccessOf(method: string, url: string): RouteAccess | undefined {
  return ROUTE_ACCESS[`${method === "HEAD" ? "GET" : method} ${url}`];
}
