import { type ParseArgsConfig, parseArgs } from 'node:util';
// What a CLI command may do to the outside world, so tests can run commands in-process.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
}

/** A refusal for people: printed on stderr, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function readInput(io: CliIo, path: string, what: string): string {
  try {
    return io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`Cannot read the ${what} "${path}": no such file.`);
    if (code === 'EISDIR') throw new UsageError(`Cannot read the ${what} "${path}": it is a folder.`);
    throw new UsageError(`Cannot read the ${what} "${path}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `parseArgs` whose refusals carry the command's usage line. */
export function parseCliArgs<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: ${usage}`);
  }
}
