// `extranet create-company` and `extranet create-user`.

import { z } from "zod";
import { formatCnpj, normalizeCnpj } from "../../contracts/cnpj";
import { Password } from "../../contracts/common";
import { CreateCompanyRequest } from "../../contracts/companies";
import { CreateUserRequest } from "../../contracts/users";
import { translate } from "../../i18n";
import { setPasswordDirectly } from "../modules/auth/service";
import { findCompanyByCnpj } from "../modules/companies/repository";
import { createCompany } from "../modules/companies/service";
import { createUser } from "../modules/users/service";
import { cliMeta, out, parseWith, withContext } from "./context";
import { CliError } from "./errors";
import { readStdinLine } from "./stdin";

export function createCompanyCommand(opts: { name: string; cnpj: string; state: string; city: string }) {
  return withContext(async (ctx) => {
    const props = parseWith(CreateCompanyRequest, opts);
    const company = await createCompany(ctx, cliMeta(ctx), props);
    out(
      `company created: ${company.name} (CNPJ ${formatCnpj(company.cnpj)}, ${company.city}/${company.state}) id=${company.id}`,
    );
  });
}

export interface CreateUserOptions {
  email: string;
  name: string;
  role: string;
  company?: string;
  locale: string;
  passwordStdin?: boolean;
}

/** The option is named for what the operator typed, so a too-short password names --password-stdin. */
const StdinPassword = z.object({ "password-stdin": Password });

export function createUserCommand(opts: CreateUserOptions) {
  return withContext(async (ctx) => {
    const meta = cliMeta(ctx);
    let companyId: string | undefined;
    if (opts.company) {
      const company = await findCompanyByCnpj(ctx.db, normalizeCnpj(opts.company));
      if (!company)
        throw new CliError(`${translate("pt-BR", "error.company.not_found")} (CNPJ ${opts.company})`);
      companyId = company.id;
    }
    const password = opts.passwordStdin
      ? parseWith(StdinPassword, { "password-stdin": await readStdinLine() })["password-stdin"]
      : undefined;
    const props = parseWith(CreateUserRequest, {
      email: opts.email,
      name: opts.name,
      role: opts.role,
      locale: opts.locale,
      ...(companyId && { companyId }),
    });
    const { user, link } = await createUser(ctx, meta, props);
    if (password) {
      await setPasswordDirectly(ctx, meta, user.id, password);
      out(`user created: ${user.email} (${user.role}); password set`);
      return;
    }
    out(`user created: ${user.email} (${user.role})`);
    out(`set-password link (valid until ${link.expiresAt}): ${link.url}`);
  });
}
