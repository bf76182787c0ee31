// The author's Mermaid text read twice by mermaid: once as Faultline imports it (the diagram the
// text makes) and once with its syntax tree kept (where each thing is written). The tree is
// trusted only when its parse read the same diagram as mermaid's own.
import type { MGraph } from '../graph';
import { MAX_TEXT, withParsedDiagram } from '../loadMermaid';
import { describeParseError } from '../parse';
import { readArchitecture, type ArchitectureDb } from '../readArchitecture';
import { readFlowchart, type FlowDb } from '../readFlowchart';
import { readSequence, type SequenceDb } from '../readSequence';
import { readState, type StateDb } from '../readState';
import { PREFIX } from '../annotations';
import { type ArchitectureSource, readArchitectureSource } from './architectureTree';
import { type FlowSource, readFlowchartTree } from './flowchartTree';
import { positionPreserving } from './prepare';
import { readSequenceTree, type SequenceSource } from './sequenceTree';
import { readStateTree, type StateSource } from './stateTree';
import { type Branch, jisonTree } from './tree';

export type SourceModel = FlowSource | SequenceSource | StateSource | ArchitectureSource;

export interface SourceRead {
  /** The text without Faultline's own `%% faultline:` lines (written afresh on export). */
  text: string;
  graph: MGraph;
  model: SourceModel;
}

export class SourceError extends Error {}

/** The author's text without Faultline's comment lines, which every export writes again. */
export function withoutFaultlineLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith(PREFIX))
    .join('\n');
}

interface Jison {
  parser: Parameters<typeof jisonTree>[0];
}

export async function readSource(original: string): Promise<SourceRead> {
  if (original.length > MAX_TEXT) throw new SourceError('The diagram text is too long to keep.');
  const text = withoutFaultlineLines(original);
  let architecture = false;
  let result: { graph: MGraph; model: SourceModel | null } | undefined;
  try {
    result = await withParsedDiagram(text, ({ type, db, parser }) => {
      const jison = (parser as Jison).parser;
      const tree = (blankComments: boolean): Branch => jisonTree(jison, db as Record<string, unknown>, positionPreserving(text, { blankComments }));
      if (type.startsWith('flowchart') || type === 'graph') {
        const graph = readFlowchart(db as FlowDb);
        const root = tree(true);
        const flow = db as FlowDb & { getSubGraphs(): { id: string }[] };
        const again = readFlowchart(flow);
        if (!sameGraph(graph, again)) return { graph, model: null };
        return {
          graph,
          model: readFlowchartTree(
            root,
            text,
            flow.getSubGraphs().map((s) => s.id),
            new Set(flow.getVertices().keys()),
          ),
        };
      }
      if (type === 'sequence') {
        const graph = readSequence(db as SequenceDb);
        const root = tree(false);
        if (!sameGraph(graph, readSequence(db as SequenceDb))) return { graph, model: null };
        const lines = new Map(Object.entries((db as SequenceDb).LINETYPE).map(([name, n]) => [n, name]));
        return { graph, model: readSequenceTree(root, lines) };
      }
      if (type === 'stateDiagram' || type === 'state') {
        const graph = readState(db as StateDb);
        const root = tree(false);
        if (!sameGraph(graph, readState(db as StateDb))) return { graph, model: null };
        return { graph, model: readStateTree(root) };
      }
      if (type === 'architecture') {
        architecture = true;
        return { graph: readArchitecture(db as ArchitectureDb), model: null };
      }
      throw new SourceError(`A ${type} diagram is not kept in its own text.`);
    });
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(describeParseError(error).message);
  }
  if (architecture) return { text, graph: result.graph, model: await readArchitectureSource(text) };
  if (!result.model) throw new SourceError('Mermaid read this text two ways; it is exported from the diagram instead.');
  return { text, graph: result.graph, model: result.model };
}

/** The same nodes, groups, edges and messages, in the same order. */
function sameGraph(a: MGraph, b: MGraph): boolean {
  // A state diagram's concurrency dividers are numbered by a counter mermaid does not reset between
  // two parses of one text.
  const shape = (g: MGraph) =>
    JSON.stringify([
      g.nodes.map((n) => [n.id, n.parent, n.shape]),
      g.groups.map((x) => [x.id, x.parent]),
      g.edges.map((e) => [e.source, e.target, e.style]),
      g.flow?.steps.length,
    ]).replace(/divider-id-\d+/g, 'divider');
  return shape(a) === shape(b);
}
