// Public facts for the sign-in page (brand, product, languages) and the OpenAPI document.
import { AppInfo } from "../../../contracts/auth";
import type { AppContext } from "../../context";
import type { ZodApp } from "../../types";

export function metaRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.get(
      "/api/v1/app",
      { config: { public: true }, schema: { tags: ["meta"], response: { 200: AppInfo } } },
      async () => ({
        brand: ctx.config.brand,
        product: ctx.config.product,
        locales: ["pt-BR" as const, "en" as const],
      }),
    );
    app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () =>
      app.swagger(),
    );
  };
}
