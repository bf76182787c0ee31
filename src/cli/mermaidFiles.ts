// Mermaid files for the CLI: a .mmd diagram, or one fence of a Markdown file, imported and laid
// out exactly as the app does it (ELK in-process here).
import { basename } from 'node:path';
import { type Diagram, fingerprint } from '../model';
import { layoutDiagram } from '../layout/layoutDiagram';
import { createNodeElk } from '../layout/nodeElk';
import { importMermaid } from '../mermaid/importMermaid';
import { mermaidBlocks } from '../mermaid/markdown';
import { MermaidImportError } from '../mermaid/parse';
import { UsageError } from './io';
import { installMermaidDom } from './nodeDom';

export function isMarkdown(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}

export interface MermaidFileResult {
  diagram: Diagram;
  notices: string[];
}

/** Imports a .mmd file, or block `block` (1-based) of a Markdown file. */
export async function readMermaidFile(text: string, path: string, block?: number): Promise<MermaidFileResult> {
  installMermaidDom();
  const notices: string[] = [];
  let source = text;
  let firstLine = 1;
  let name = basename(path).replace(/\.[^.]+$/, '');
  if (isMarkdown(path)) {
    const blocks = mermaidBlocks(text);
    if (blocks.length === 0) throw new UsageError(`${path}: this Markdown file has no \`\`\`mermaid blocks.`);
    const chosen = block ?? 1;
    if (!Number.isInteger(chosen) || chosen < 1 || chosen > blocks.length) {
      throw new UsageError(`${path} has ${blocks.length} Mermaid block${blocks.length === 1 ? '' : 's'}; --block must be between 1 and ${blocks.length}.`);
    }
    const b = blocks[chosen - 1];
    source = b.text;
    firstLine = b.line;
    if (b.heading) name = b.heading;
    if (blocks.length > 1 && block === undefined) {
      notices.push(
        `Imported block 1 of ${blocks.length}; choose another with --block N:\n${blocks.map((x) => `  ${x.index + 1}. ${x.heading || '(no heading)'} (line ${x.line})`).join('\n')}`,
      );
    }
  } else if (block !== undefined && block !== 1) {
    throw new UsageError(`--block only applies to Markdown files; ${path} holds one diagram.`);
  }
  try {
    const elk = createNodeElk();
    const result = await importMermaid(source, name, (d) => layoutDiagram(d, elk));
    // Named by its text, so the same file gives the same run, to the byte, every time.
    result.diagram.id = `d_${fingerprint(source)}`;
    return { diagram: result.diagram, notices: [...notices, ...result.notices] };
  } catch (error) {
    if (error instanceof MermaidImportError) {
      const line = error.line !== undefined ? firstLine + error.line - 1 : undefined;
      const where = line !== undefined ? `${path}:${line}: ` : `${path}: `;
      throw new UsageError(`${where}${error.message.replace(/ \(line \d+\)/, '')}`);
    }
    throw error;
  }
}
