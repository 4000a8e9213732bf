// The `extranet` command line: serve, migrate, seed-demo, create-company, create-user, backup.
import { Command, CommanderError, Option } from "commander";
import { formatCnpj, normalizeCnpj } from "../contracts/cnpj";
import { Password, Role } from "../contracts/common";
import { CreateCompanyRequest } from "../contracts/companies";
import { CreateUserRequest } from "../contracts/users";
import { translator } from "../i18n";
import { fieldMessages } from "../i18n/zod-issues";
import { backupSqlite } from "./cli/backup";
import { defaultWebRoot, serve } from "./cli/serve";
import { readStdinLine } from "./cli/stdin";
import { type Config, ConfigError, loadConfig } from "./config";
import type { AppContext, CommandMeta } from "./context";
import { migrateToLatest } from "./db/migrate";
import { AppError, ValidationError } from "./errors";
import { setPasswordDirectly } from "./modules/auth/service";
import { findCompanyByCnpj } from "./modules/companies/repository";
import { createCompany } from "./modules/companies/service";
import { createUser } from "./modules/users/service";
import { closeContext, openContext } from "./runtime";
import { formatDemoLogins, seedDemo } from "./seed/demo";

const t = translator("pt-BR");
const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

function cliMeta(config: Config): CommandMeta {
  return { actorId: null, ip: null, origin: config.publicUrl ?? `http://localhost:${config.port}` };
}

/** Parses with a contract; a failure reads like the API's field messages. */
function parseWith<T>(
  schema: {
    safeParse: (
      v: unknown,
    ) => { success: true; data: T } | { success: false; error: { issues: ValidationError["issues"] } };
  },
  input: unknown,
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues, input);
}

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig(process.env));
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}

export function buildCli(): Command {
  const program = new Command("extranet")
    .description("Extranet: the SLA-driven customer-support portal")
    .showHelpAfterError()
    .exitOverride();

  program
    .command("serve")
    .description("serve the portal and API (PORT, DATABASE_URL, EXTRANET_DATA_DIR…; see README)")
    .action(async () => {
      await serve(loadConfig(process.env, defaultWebRoot()));
    });

  program
    .command("migrate")
    .description("apply pending database migrations and exit")
    .action(async () => {
      const ctx = await openContext(loadConfig(process.env), { migrate: false });
      try {
        const applied = await migrateToLatest(ctx.db, ctx.connection.schema);
        out(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
      } finally {
        await closeContext(ctx);
      }
    });

  program
    .command("seed-demo")
    .description("create the demo companies and users (once)")
    .action(() =>
      withContext(async (ctx) => {
        const logins = await seedDemo(ctx, cliMeta(ctx.config));
        out(logins ? formatDemoLogins(logins) : "demo data already present: nothing done");
      }),
    );

  program
    .command("create-company")
    .description("register a customer company")
    .requiredOption("--name <name>", "company name")
    .requiredOption("--cnpj <cnpj>", "CNPJ, with or without punctuation")
    .option("--state <uf>", "state (UF), e.g. SP", "SP")
    .option("--city <city>", "city", "São Paulo")
    .action((opts: { name: string; cnpj: string; state: string; city: string }) =>
      withContext(async (ctx) => {
        const props = parseWith(CreateCompanyRequest, opts);
        const company = await createCompany(ctx, cliMeta(ctx.config), props);
        out(
          `company created: ${company.name} (CNPJ ${formatCnpj(company.cnpj)}, ${company.city}/${company.state}) id=${company.id}`,
        );
      }),
    );

  program
    .command("create-user")
    .description("create an account; prints the one-time link that sets its password")
    .requiredOption("--email <email>", "e-mail (the login)")
    .requiredOption("--name <name>", "full name")
    .addOption(new Option("--role <role>", "role").choices(Role.options).makeOptionMandatory())
    .option("--company <cnpj>", "the company's CNPJ (customer roles)")
    .addOption(
      new Option("--locale <locale>", "interface language").choices(["pt-BR", "en"]).default("pt-BR"),
    )
    .option("--password-stdin", "read the password from standard input instead of printing a link")
    .action(
      (opts: {
        email: string;
        name: string;
        role: string;
        company?: string;
        locale: string;
        passwordStdin?: boolean;
      }) =>
        withContext(async (ctx) => {
          const meta = cliMeta(ctx.config);
          let companyId: string | undefined;
          if (opts.company) {
            const company = await findCompanyByCnpj(ctx.db, normalizeCnpj(opts.company));
            if (!company) throw new CliError(`no company with CNPJ ${opts.company}`);
            companyId = company.id;
          }
          const password = opts.passwordStdin ? parseWith(Password, await readStdinLine()) : undefined;
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
          } else {
            out(`user created: ${user.email} (${user.role})`);
            out(`set-password link (valid until ${link.expiresAt}): ${link.url}`);
          }
        }),
    );

  program
    .command("backup")
    .description("copy the SQLite database while it runs (online backup API)")
    .requiredOption("--out <file>", "the backup file to write")
    .action((opts: { out: string }) =>
      withContext(async (ctx) => {
        if (ctx.connection.dialect === "postgres") {
          throw new CliError(
            'this server runs on PostgreSQL: back it up with pg_dump (e.g. pg_dump -Fc "$DATABASE_URL" > extranet.dump)',
          );
        }
        await backupSqlite(ctx.connection, opts.out, err);
      }),
    );

  return program;
}

class CliError extends Error {}

function describe(error: unknown): string {
  if (error instanceof ValidationError) {
    const fields = fieldMessages(error.issues, t, error.input);
    return Object.entries(fields)
      .map(([field, message]) => `  --${field}: ${message}`)
      .join("\n");
  }
  if (error instanceof AppError) return t(error.messageKey, error.params);
  if (error instanceof ConfigError || error instanceof CliError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildCli().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    err(`extranet: ${describe(error)}`);
    return error instanceof ValidationError ? 2 : 1;
  }
}

const code = await main(process.argv);
// `serve` keeps running: only a command that finished sets the exit code.
if (code !== 0) process.exit(code);
