/** A failure the CLI reports as one line without a stack trace; `exitCode` is what it exits with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A command line the CLI cannot run; the message names the flag and says how to fix it. */
export class CliUsageError extends CliError {
  constructor(message: string) {
    super(message, 'usage', 2);
    this.name = 'CliUsageError';
  }
}
