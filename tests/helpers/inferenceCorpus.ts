// The kind inference corpus (tests/fixtures/mermaid/inference): real diagrams with the kind an
// engineer would give each component, read section by section.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mermaidBlocks } from '../../src/mermaid/markdown';
import { isNodeKind, type NodeKind } from '../../src/model';

export interface CorpusDiagram {
  source: string;
  text: string;
  kinds: Map<string, NodeKind>;
}

const DIR = join(process.cwd(), 'tests/fixtures/mermaid/inference');

/** Every diagram of the corpus files, each with its `kinds` block (our own `id: kind` lines). */
export function inferenceCorpus(): CorpusDiagram[] {
  const out: CorpusDiagram[] = [];
  for (const file of readdirSync(DIR)
    .filter((f) => f.startsWith('corpus-'))
    .sort()) {
    const markdown = readFileSync(join(DIR, file), 'utf8');
    const sections = markdown.split(/^## /m).slice(1);
    for (const section of sections) {
      const source = section.split('\n')[0].trim();
      const [block] = mermaidBlocks(section);
      const kindsBlock = /```kinds\n([\s\S]*?)```/.exec(section);
      if (!block || !kindsBlock) throw new Error(`${file}: section "${source}" needs a mermaid block and a kinds block`);
      const kinds = new Map<string, NodeKind>();
      for (const line of kindsBlock[1].split('\n').filter((l) => l.trim())) {
        const [id, kind] = line.split(':').map((s) => s.trim());
        if (!isNodeKind(kind)) throw new Error(`${file}: "${source}": ${kind} is not a kind`);
        kinds.set(id, kind);
      }
      out.push({ source: `${file}: ${source}`, text: block.text, kinds });
    }
  }
  return out;
}
