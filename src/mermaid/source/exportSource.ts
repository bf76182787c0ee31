// Export in the author's own terms: the Mermaid text the diagram was imported from, with only what
// changed since written into it, and Faultline's own additions after it as `%% faultline:` lines.
// The result is read back by mermaid before it is handed over; text mermaid would not read never is.
import type { Diagram } from '../../model';
import { safeId } from '../../model';
import { differenceLines } from '../faultlineLines';
import { applyAnnotations } from '../applyAnnotations';
import { toDiagram } from '../toDiagram';
import { diffDiagrams } from './diff';
import { patchFlowchart, type PatchContext } from './flowchartPatch';
import { readSource, type SourceRead } from './readSource';
import { patchArchitecture } from './architecturePatch';
import { patchSequence } from './sequencePatch';
import { patchState } from './statePatch';
import { TextEdits } from './textEdits';

export interface SourceExportOptions {
  /** Rewrite every node, link and header from what mermaid read, not just what changed (tests). */
  touchAll?: boolean;
  /** Reads (and may remember) a text's parse; the Editor keeps one so an export does not parse twice. */
  read?: (text: string) => Promise<SourceRead>;
}

/** What the text alone gives on import (before its own `%% faultline:` lines, if `withLines`). */
export function diagramOf(read: SourceRead, name: string, annotated?: string): Diagram {
  const d = toDiagram(read.graph, name).diagram;
  if (annotated !== undefined) applyAnnotations(d, annotated);
  return d;
}

const VALID_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The author's id for each diagram id; new nodes keep theirs when the text can hold it. */
function idMaps(read: SourceRead, now: Diagram): { raw(id: string): string; own(raw: string): string } {
  const toRaw = new Map<string, string>();
  const toOwn = new Map<string, string>();
  for (const x of [...read.graph.nodes, ...read.graph.groups]) {
    toRaw.set(safeId(x.id), x.id);
    toOwn.set(x.id, safeId(x.id));
  }
  const taken = new Set(toOwn.keys());
  for (const n of now.nodes) {
    if (toRaw.has(n.id)) continue;
    let raw = VALID_ID.test(n.id) && !taken.has(n.id) ? n.id : `n_${n.id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    for (let k = 2; taken.has(raw); k++) raw = `${raw}_${k}`;
    taken.add(raw);
    toRaw.set(n.id, raw);
    toOwn.set(raw, n.id);
  }
  return { raw: (id) => toRaw.get(id) ?? id, own: (raw) => toOwn.get(raw) ?? safeId(raw) };
}

/** The diagram as Mermaid in its author's text; null when it has no text of its own. */
export async function exportWithSource(d: Diagram, options: SourceExportOptions = {}): Promise<string | null> {
  if (!d.mermaidSource) return null;
  const read = options.read ?? readSource;
  const source = await read(d.mermaidSource);
  const base = diagramOf(source, d.name, d.mermaidSource);
  const changes = diffDiagrams(base, d);
  const edits = new TextEdits(source.text);
  const ctx: PatchContext = {
    edits,
    changes,
    nodes: new Map(d.nodes.map((n) => [n.id, n])),
    base: new Map(base.nodes.map((n) => [n.id, n])),
    ...idMaps(source, d),
    touchAll: options.touchAll ?? false,
  };
  if (source.model.type === 'flowchart') patchFlowchart(source.model, ctx);
  else if (source.model.type === 'sequence') patchSequence(source.model, ctx);
  else if (source.model.type === 'state') patchState(source.model, ctx);
  else patchArchitecture(source.model, ctx);
  const body = edits.apply();
  const derived = diagramOf(await read(body), d.name);
  const lines = differenceLines(d, derived, { name: false });
  if (lines.length === 0) return body;
  return `${body.endsWith('\n') ? body : `${body}\n`}${lines.join('\n')}\n`;
}
