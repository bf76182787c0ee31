// A run's postmortem in one call: facts from the run (and the fix's run), figures, the document,
// and the two renderings. The browser zips the Markdown with its figures; the CLI writes them.
import type { Diagram } from '../model';
import type { RecordedRun } from '../sim/types';
import { postmortemDocument, type PostmortemDocument } from './document';
import { postmortemFacts, type PostmortemFacts } from './facts';
import { type Figure, postmortemFigures } from './figures';
import { postmortemHtml, postmortemMarkdown } from './render';

export const FIGURE_DIR = 'figures/';

export interface Postmortem {
  facts: PostmortemFacts;
  document: PostmortemDocument;
  figures: Figure[];
  markdown: string;
  html: string;
}

export function writePostmortem(diagram: Diagram, run: RecordedRun, fix: RecordedRun | null = null, runName: string | null = null): Postmortem {
  const facts = postmortemFacts(run, fix, runName);
  const figures = postmortemFigures(diagram, run, facts);
  const document = postmortemDocument(facts, figures);
  return { facts, document, figures, markdown: postmortemMarkdown(document, FIGURE_DIR), html: postmortemHtml(document) };
}
