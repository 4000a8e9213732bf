// A database that cannot be reached or opened: the CLI prints its message as one line, no stack trace.
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}
