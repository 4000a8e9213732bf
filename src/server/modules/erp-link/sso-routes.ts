// GET /sso/erp?token=…: "Suporte UNO ERP". Signs the link's user in and sends the browser to the
// portal; a refused link goes to the sign-in page, which explains why (`/login?erp=<reason>`).
import { ErpLinkQuery } from "../../../contracts/erp-installations";
import type { AppContext } from "../../context";
import { hashToken } from "../../crypto";
import { clientOf } from "../../http";
import { SESSION_COOKIE, setSessionCookie } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { logout } from "../auth/service";
import { ErpLinkRefused, signInWithErpLink } from "./sign-in";

export function erpLinkRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.get(
      "/sso/erp",
      {
        // A HEAD (a link checker, a mail scanner) must not spend the single-use link.
        exposeHeadRoute: false,
        schema: {
          tags: ["integrations"],
          summary:
            "An ERP link: signs its user in and redirects to the portal (302); a refused link redirects to /login?erp=<reason>",
          querystring: ErpLinkQuery,
        },
      },
      async (request, reply) => {
        // The address carries a one-use token: keep it out of caches and of the next page's Referer.
        reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
        const token = request.query.token;
        try {
          if (!token) throw new ErpLinkRefused("malformed");
          const signedIn = await signInWithErpLink(ctx, token, clientOf(request));
          // Whoever was signed in on this browser before is signed out: the link names who sits here now.
          const previous = request.cookies[SESSION_COOKIE];
          if (previous && previous.length <= 100) await logout(ctx, hashToken(previous));
          setSessionCookie(request, reply, signedIn.session);
          return reply.redirect(signedIn.location, 302);
        } catch (error) {
          if (!(error instanceof ErpLinkRefused)) throw error;
          request.log.info({ reason: error.reason }, "ERP link refused");
          return reply.redirect(`/login?erp=${error.reason}`, 302);
        }
      },
    );
  };
}
