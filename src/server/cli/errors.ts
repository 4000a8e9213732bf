// An operator's mistake on the command line: printed as one line, without a stack trace.
export class CliError extends Error {
  override name = "CliError";
}
