// The one way out to Mermaid: a diagram imported from Mermaid in its author's own text (what
// changed written into it), anything else as Faultline writes a flowchart. When the author's text
// cannot be kept, the diagram is written afresh and the reason is given: nothing is lost either way.
import type { Diagram } from '../model';
import { exportMermaid } from './exportMermaid';
import { exportWithSource } from './source/exportSource';
import type { SourceRead } from './source/readSource';

export interface MermaidText {
  text: string;
  /** Whether the author's own text was kept. */
  kept: boolean;
  /** Why it was not, when the diagram has one. */
  notice: string | null;
}

export async function exportMermaidText(d: Diagram, read?: (text: string) => Promise<SourceRead>): Promise<MermaidText> {
  if (d.mermaidSource) {
    try {
      const text = await exportWithSource(d, { read });
      if (text !== null) return { text, kept: true, notice: null };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return {
        text: exportMermaid(d),
        kept: false,
        notice: `The diagram's own Mermaid text could not be kept (${why}); this is the diagram written as a Faultline flowchart.`,
      };
    }
  }
  return { text: exportMermaid(d), kept: false, notice: null };
}
