// Mermaid out for the Editor: the open diagram's text, with the parses of its author's text kept
// between exports (a drag re-exports on every frame; the text it writes does not change).
import type { MermaidText } from '../mermaid/exportText';
import type { SourceRead } from '../mermaid/source/readSource';
import type { Diagram } from '../model';

/** Texts whose parse is kept: the author's text and the last few exports of it. */
const KEEP = 8;

export class MermaidOut {
  private readonly reads = new Map<string, Promise<SourceRead>>();

  async text(d: Diagram): Promise<MermaidText> {
    const [{ exportMermaidText }, { readSource }] = await Promise.all([import('../mermaid/exportText'), import('../mermaid/source/readSource')]);
    return exportMermaidText(d, (text) => this.read(text, readSource));
  }

  private read(text: string, readSource: (text: string) => Promise<SourceRead>): Promise<SourceRead> {
    const known = this.reads.get(text);
    if (known) {
      this.reads.delete(text);
      this.reads.set(text, known);
      return known;
    }
    const made = readSource(text);
    made.catch(() => this.reads.delete(text));
    this.reads.set(text, made);
    while (this.reads.size > KEEP) this.reads.delete(this.reads.keys().next().value!);
    return made;
  }
}
