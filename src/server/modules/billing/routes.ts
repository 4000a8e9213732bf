// Billing's routes: time entries, consultancy estimates and the monthly statement, each group with
// its own authorization hook.
import type { AppContext } from "../../context";
import type { ZodApp } from "../../types";
import { consumptionRoutes } from "./consumption-routes";
import { estimateRoutes } from "./estimate-routes";
import { statementRoutes } from "./statement-routes";
import { timeEntryRoutes } from "./time-entry-routes";

export function billingRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    await app.register(timeEntryRoutes(ctx));
    await app.register(estimateRoutes(ctx));
    await app.register(statementRoutes(ctx));
    await app.register(consumptionRoutes(ctx));
  };
}
