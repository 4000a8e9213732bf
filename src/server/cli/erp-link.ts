// `extranet sign-link`: a test link of an ERP installation, signed as the ERP would sign it, to try
// "Suporte UNO ERP" without the ERP. HS256 reads the installation's secret from the database;
// EdDSA and RS256 need the private key's PEM file (it never is in the database).
import { readFile } from "node:fs/promises";
import { Email } from "../../contracts/common";
import { ScreenCode } from "../../contracts/screens";
import { ERP_LINK_MAX_LIFETIME_MS } from "../../domain/erp-link/claims";
import { translate } from "../../i18n";
import { withOpenedSecret } from "../modules/erp-link/keys";
import { findInstallation } from "../modules/erp-link/repository";
import { signErpLink } from "../modules/erp-link/sign-link";
import { SealedSecretError } from "../secrets-at-rest";
import { cliMeta, err, out, parseWith, withContext } from "./context";
import { CliError } from "./errors";

export interface SignLinkOptions {
  installation: string;
  email: string;
  screen?: string;
  record?: string;
  name?: string;
  key?: string;
  minutes: number;
}

export function signLinkCommand(opts: SignLinkOptions) {
  const email = parseWith(Email, opts.email);
  const screen = opts.screen === undefined ? undefined : parseWith(ScreenCode, opts.screen);
  if (opts.minutes * 60_000 > ERP_LINK_MAX_LIFETIME_MS)
    throw new CliError("--minutes: um link vale no máximo 5 minutos.");
  return withContext(async (ctx) => {
    const installation = await findInstallation(ctx.db, opts.installation.toLowerCase());
    if (!installation) throw new CliError(translate("pt-BR", "error.erp_installation.not_found"));
    if (installation.revoked_at !== null || installation.active !== 1)
      err("atenção: esta instalação está pausada ou revogada; a Extranet recusará o link.");
    let key: string;
    if (installation.algorithm === "HS256") {
      // Sealed at rest under SECRETS_KEY (secrets-at-rest.ts): this command needs the same key.
      try {
        key = withOpenedSecret(ctx.config, installation).secret ?? "";
      } catch (error) {
        if (error instanceof SealedSecretError) throw new CliError(`SECRETS_KEY: ${error.message}`);
        throw error;
      }
    } else if (!opts.key)
      throw new CliError(`--key: ${installation.algorithm} precisa da chave privada (arquivo PEM).`);
    else
      key = await readFile(opts.key, "utf8").catch(() => {
        throw new CliError(`--key: não foi possível ler ${opts.key}.`);
      });
    const origin = cliMeta(ctx).origin ?? "";
    if (!origin) err("atenção: defina EXTRANET_PUBLIC_URL para um link completo; segue o caminho.");
    const link = await signErpLink(origin, {
      installationId: installation.id,
      algorithm: installation.algorithm,
      key,
      email,
      cnpj: installation.company_cnpj,
      screen,
      record: opts.record,
      name: opts.name,
      issuedAt: ctx.clock.now(),
      minutes: opts.minutes,
    }).catch((error: unknown) => {
      throw new CliError(`--key: a chave não assina ${installation.algorithm} (${String(error)}).`);
    });
    out(link);
  });
}
