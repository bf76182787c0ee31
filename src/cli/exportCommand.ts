// `npm run cli -- export <diagram.json> [--out file.mmd]`
import { exportMermaid } from '../mermaid/exportMermaid';
import { parseCliArgs, UsageError, type CliIo } from './io';
import { loadDiagram } from './simulateCommand';
import { EXPORT_USAGE } from './usage';

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } }, EXPORT_USAGE);
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length > 0) throw new UsageError(`Give exactly one diagram file.\nUsage: ${EXPORT_USAGE}`);
  const text = exportMermaid(await loadDiagram(io, path));
  if (parsed.values.out) {
    io.writeFile(parsed.values.out, text);
    io.err(`Wrote ${parsed.values.out}\n`);
  } else io.out(text);
  return 0;
}
