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
    // Only plans offered for companies: an archived one is kept by those who have it, not given anew.
    const offered = plans.filter((p) => p.archived_at === null);
    const named = (p: { name: string }) => p.name.toLowerCase() === opts.plan.trim().toLowerCase();
    const plan = offered.find(named);
    if (!plan) {
      const archived = plans.find(named);
      const why = archived
        ? translate("pt-BR", "error.plan.archived", { name: archived.name })
        : translate("pt-BR", "error.plan.not_found");
      throw new CliError(`${why} Planos: ${offered.map((p) => p.name).join(", ") || "nenhum"}`);
    }
    await changeCompany(ctx, cliMeta(ctx), company.id, { planId: plan.id });
    out(`${company.name}: plano ${plan.name}`);
  });
}
