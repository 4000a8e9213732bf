// The `extranet` command line. Each command loads its code only when it runs, so `--help` is instant.
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { Role } from "../contracts/common";
import { translator } from "../i18n";
import { fieldMessages } from "../i18n/zod-issues";
import { CliError } from "./cli/errors";
import type { GenerateOptions } from "./cli/generate";
import { ConfigError } from "./config";
import { DatabaseUnavailableError } from "./db/unavailable-error";
import { AppError, paramsFor, ValidationError } from "./errors";

export function buildCli(): Command {
  const program = new Command("extranet")
    .description("Extranet: the SLA-driven customer-support portal")
    .showHelpAfterError()
    .exitOverride();

  program
    .command("serve")
    .description("serve the portal and API (PORT, DATABASE_URL, EXTRANET_DATA_DIR…; see README)")
    .action(async () => {
      const [{ serve, defaultWebRoot }, { loadConfig }] = await Promise.all([
        import("./cli/serve"),
        import("./config"),
      ]);
      await serve(loadConfig(process.env, defaultWebRoot()));
    });

  program
    .command("migrate")
    .description("apply pending database migrations and exit")
    .action(async () => (await import("./cli/database")).migrateCommand());

  program
    .command("seed-demo")
    .description("create the demo companies and users (once)")
    .action(async () => (await import("./cli/database")).seedDemoCommand());

  program
    .command("create-company")
    .description("register a customer company")
    .requiredOption("--name <name>", "company name")
    .requiredOption("--cnpj <cnpj>", "CNPJ, with or without punctuation")
    .option("--state <uf>", "state (UF), e.g. SP", "SP")
    .option("--city <city>", "city", "São Paulo")
    .action(async (opts) => (await import("./cli/accounts")).createCompanyCommand(opts));

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
    .action(async (opts) => (await import("./cli/accounts")).createUserCommand(opts));

  program
    .command("set-plan")
    .description("set a company's support plan (new tickets follow it)")
    .requiredOption("--cnpj <cnpj>", "the company's CNPJ")
    .requiredOption("--plan <name>", "the plan's name, e.g. Profissional")
    .action(async (opts: { cnpj: string; plan: string }) =>
      (await import("./cli/plans")).setPlanCommand(opts),
    );

  program
    .command("import-screens")
    .description("import the ERP screen catalog from a CSV of code;name;module lines (all or nothing)")
    .argument("<file>", "the CSV file")
    .action(async (file: string) => (await import("./cli/screens")).importScreensCommand(file));

  program
    .command("sign-link")
    .description('print a test "Suporte UNO ERP" link of an ERP installation (valid a few minutes, once)')
    .requiredOption("--installation <id>", "the installation's id (the link's iss)")
    .requiredOption("--email <email>", "the user the link signs in")
    .option("--screen <code>", "the ERP screen the user is on, e.g. ATW0001")
    .option("--record <text>", 'the record the user looks at, e.g. "cliente código 100"')
    .option("--name <name>", "the name of a user created on first access")
    .option("--key <file>", "EdDSA or RS256: the private key, a PEM (PKCS#8) file")
    .option("--minutes <n>", "how long the link lives (at most 5)", (v) => positiveInt(v, "--minutes"), 5)
    .action(async (opts) => (await import("./cli/erp-link")).signLinkCommand(opts));

  program
    .command("generate")
    .description("generate synthetic companies and tickets for load tests (with progress)")
    .requiredOption("--tickets <n>", "how many tickets", (v) => positiveInt(v, "--tickets"))
    .option(
      "--companies <n>",
      "how many companies to spread them over",
      (v) => positiveInt(v, "--companies"),
      200,
    )
    .addOption(
      new Option(
        "--history <kind>",
        "aged: tickets at an even pace, the old ones resolved or cancelled, the newest still open (a real desk); " +
          "uniform: any status at any age, 3 in 7 open (the data of earlier benchmarks)",
      )
        .choices(["aged", "uniform"])
        .default("aged"),
    )
    .option(
      "--days <n>",
      "aged: how many days the tickets came in over, ending now",
      (v) => positiveInt(v, "--days"),
      365,
    )
    .action(async (opts: GenerateOptions) => (await import("./cli/generate")).generateCommand(opts));

  program
    .command("analyze")
    .description("update the query planner's statistics (safe while the server runs)")
    .action(async () => (await import("./cli/database")).analyzeCommand());

  program
    .command("backup")
    .description("copy the SQLite database while it runs (online backup API)")
    .requiredOption("--out <file>", "the backup file to write")
    .action(async (opts) => (await import("./cli/database")).backupCommand(opts));

  program
    .command("restore")
    .description("restore an `extranet backup` file into an empty data folder (SQLite), then check it")
    .argument("<file>", "the backup file")
    .action(async (file: string) => (await import("./cli/restore")).restoreCommand(file));

  program
    .command("migrate-to-postgres")
    .description("copy this SQLite database into an empty PostgreSQL database, then verify the copy")
    .requiredOption("--to <url>", "the target, postgres://…")
    .option("--verify-only", "copy nothing: compare row counts and checksums per table")
    .option(
      "--batch-size <n>",
      "rows per COPY chunk and progress step",
      (v) => positiveInt(v, "--batch-size"),
      1000,
    )
    .action(async (opts: { to: string; verifyOnly?: boolean; batchSize: number }) =>
      (await import("./cli/migrate-to-postgres")).migrateToPostgresCommand(opts),
    );

  return program;
}

function positiveInt(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(`${option} must be a positive whole number`);
  return n;
}

function describe(error: unknown): string {
  const t = translator("pt-BR");
  if (error instanceof ValidationError) {
    const fields = fieldMessages(error.issues, t, error.input);
    return Object.entries(fields)
      .map(([field, message]) => `  --${field}: ${message}`)
      .join("\n");
  }
  if (error instanceof AppError) return t(error.messageKey, paramsFor(error, "pt-BR"));
  if (error instanceof ConfigError || error instanceof CliError || error instanceof DatabaseUnavailableError)
    return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildCli().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`extranet: ${describe(error)}\n`);
    return error instanceof ValidationError ? 2 : 1;
  }
}

const code = await main(process.argv);
// `serve` keeps running: only a command that finished sets the exit code.
if (code !== 0) process.exit(code);
