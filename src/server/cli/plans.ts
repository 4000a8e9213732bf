// `extranet set-plan --cnpj C --plan NAME`: a company's support plan from the command line.
import { normalizeCnpj } from "../../contracts/cnpj";
import { translate } from "../../i18n";
import { findCompanyByCnpj } from "../modules/companies/repository";
import { changeCompany } from "../modules/companies/service";
import { listPlanRows } from "../modules/plans/repository";
import { cliMeta, out, withContext } from "./context";
import { CliError } from "./errors";

export function setPlanCommand(opts: { cnpj: string; plan: string }) {
  return withContext(async (ctx) => {
    const company = await findCompanyByCnpj(ctx.db, normalizeCnpj(opts.cnpj));
    if (!company) throw new CliError(`${translate("pt-BR", "error.company.not_found")} (CNPJ ${opts.cnpj})`);
    const plans = await listPlanRows(ctx.db);
    const plan = plans.find((p) => p.name.toLowerCase() === opts.plan.trim().toLowerCase());
    if (!plan) {
      throw new CliError(
        `${translate("pt-BR", "error.plan.not_found")} Planos: ${plans.map((p) => p.name).join(", ") || "nenhum"}`,
      );
    }
    await changeCompany(ctx, cliMeta(ctx), company.id, { planId: plan.id });
    out(`${company.name}: plano ${plan.name}`);
  });
}
