// `npm run cli -- export <diagram.json> [--out file.mmd]`
import { parseArgs } from 'node:util';
import { exportMermaid } from '../mermaid/exportMermaid';
import { UsageError, type CliIo } from './io';
import { loadDiagram } from './simulateCommand';

export const EXPORT_USAGE = 'npm run cli -- export <diagram.json> [--out file.mmd]';

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: ${EXPORT_USAGE}`);
  }
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length > 0) throw new UsageError(`Give exactly one diagram file.\nUsage: ${EXPORT_USAGE}`);
  const text = exportMermaid(await loadDiagram(io, path));
  if (parsed.values.out) {
    io.writeFile(parsed.values.out, text);
    io.err(`Wrote ${parsed.values.out}\n`);
  } else io.out(text);
  return 0;
}
