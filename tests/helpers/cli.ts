// Runs CLI commands in-process with an in-memory file system and captured output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run';

export const CLI_FIXTURES = join(process.cwd(), 'tests/fixtures/cli');

export async function cli(argv: string[], files: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const written: Record<string, string> = {};
  const code = await runCli(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readFile: (path) => {
      if (path in files) return files[path];
      return readFileSync(path.startsWith('/') ? path : join(CLI_FIXTURES, path), 'utf8');
    },
    writeFile: (path, text) => (written[path] = text),
  });
  return { code, out, err, written };
}
