/** Where commands write; tests capture it. */
export type Io = {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal (progress bars redraw in place). */
  isTty: boolean;
};

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  isTty: Boolean(process.stderr.isTTY),
};

/** Exit codes: 0 success, 1 the operation failed, 2 bad usage or configuration. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Command = {
  /** Words that select the command, e.g. ['seed', 'demo']. */
  path: string[];
  summary: string;
  usage: string;
  /** Returns the exit code; a long-running command (serve) returns undefined and keeps running. */
  run: (args: string[], io: Io) => Promise<number | undefined>;
};
