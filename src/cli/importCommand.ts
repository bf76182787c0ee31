// `npm run cli -- import <file.mmd|file.md> [--block N] [--out diagram.json]`
import { serializeDiagramFile } from '../files/diagramFile';
import { isContainer } from '../model';
import { readInput, parseCliArgs, UsageError, type CliIo } from './io';
import { readMermaidFile } from './mermaidFiles';
import { IMPORT_USAGE } from './usage';

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs({ args, allowPositionals: true, options: { block: { type: 'string' }, out: { type: 'string' } } }, IMPORT_USAGE);
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length > 0) throw new UsageError(`Give exactly one Mermaid or Markdown file.\nUsage: ${IMPORT_USAGE}`);
  const blockText = parsed.values.block;
  const block = blockText === undefined ? undefined : Number(blockText);
  if (blockText !== undefined && (!Number.isInteger(block) || block! < 1)) throw new UsageError(`--block must be a whole number from 1 (got "${blockText}").`);
  const { diagram, notices } = await readMermaidFile(readInput(io, path, 'Mermaid file'), path, block);
  for (const n of notices) io.err(`${n}\n`);
  const json = `${serializeDiagramFile(diagram)}\n`;
  if (parsed.values.out) {
    io.writeFile(parsed.values.out, json);
    const groups = diagram.nodes.filter((n) => isContainer(n.kind)).length;
    io.err(`Wrote ${parsed.values.out}: ${diagram.nodes.length - groups} nodes, ${diagram.edges.length} edges, ${groups} groups.\n`);
  } else io.out(json);
  return 0;
}
