// `faultline export <diagram.json|diagram.mmd> [--out file.mmd]`: Mermaid out, as the app writes
// it (a diagram imported from Mermaid in its author's own text).
import { exportMermaidText } from '../mermaid/exportText';
import { parseCliArgs, UsageError, type CliIo } from './io';
import { readMermaidFile } from './mermaidFiles';
import { installMermaidDom } from './nodeDom';
import { loadDiagram } from './simulateCommand';
import { EXPORT_USAGE } from './usage';

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } }, EXPORT_USAGE);
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length > 0) throw new UsageError(`Give exactly one diagram file.\nUsage: ${EXPORT_USAGE}`);
  const diagram = await loadDiagram(io, path, async (text, file) => (await readMermaidFile(text, file)).diagram);
  if (diagram.mermaidSource) installMermaidDom();
  const { text, notice } = await exportMermaidText(diagram);
  if (notice) io.err(`${notice}\n`);
  if (parsed.values.out) {
    io.writeFile(parsed.values.out, text);
    io.err(`Wrote ${parsed.values.out}\n`);
  } else io.out(text);
  return 0;
}
