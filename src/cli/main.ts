// `npm run cli -- <command> ...`
import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from './run';

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
});
process.exitCode = code;
