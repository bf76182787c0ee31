// Mermaid text -> intermediate graph, with mermaid's own parser. Errors come back in words a
// person can act on, with the line when mermaid knows it.
import type { MGraph } from './graph';
import { MAX_EDGES, MAX_TEXT, withParsedDiagram } from './loadMermaid';
import { readArchitecture, type ArchitectureDb } from './readArchitecture';
import { readFlowchart, type FlowDb } from './readFlowchart';
import { readSequence, type SequenceDb } from './readSequence';
import { readState, type StateDb } from './readState';

export const SUPPORTED_TYPES = 'flowchart (or graph), sequenceDiagram, stateDiagram-v2 and architecture-beta';

export class MermaidImportError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'MermaidImportError';
  }
}

/** Errors from inside mermaid's code rather than its grammar: their text means nothing to a person. */
const INTERNAL = /Maximum call stack|is not a function|Cannot read properties|is not defined|is not iterable/;

export function describeParseError(error: unknown): MermaidImportError {
  const raw = error instanceof Error ? error.message : String(error);
  if (/Maximum call stack/.test(raw))
    return new MermaidImportError('Mermaid could not read this diagram: it is nested too deeply for its parser. Flatten the deepest subgraphs or blocks.');
  if (INTERNAL.test(raw) || (error instanceof Error && ['TypeError', 'RangeError', 'ReferenceError'].includes(error.name)))
    return new MermaidImportError(
      `Mermaid could not read this diagram: its parser stopped without saying where. Check the text against Mermaid's syntax; Faultline imports ${SUPPORTED_TYPES}.`,
    );
  if (/No diagram type detected/i.test(raw)) {
    return new MermaidImportError(`Faultline cannot tell what kind of diagram this is. It imports ${SUPPORTED_TYPES}; the first line should say which.`);
  }
  if (/Edge limit exceeded/i.test(raw)) {
    return new MermaidImportError(
      `This diagram has more than ${MAX_EDGES.toLocaleString('en-US')} connections, the most Faultline imports at once. Split it into smaller diagrams.`,
    );
  }
  const line = raw.match(/line (\d+)/i);
  const first = raw
    .split('\n')[0]
    .replace(/^Parsing failed:\s*/, '')
    .slice(0, 300);
  const detail = raw.split('\n').slice(1, 3).join(' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  const where = line ? ` (line ${line[1]})` : '';
  return new MermaidImportError(`Mermaid could not read this diagram${where}: ${first}${detail ? ` ${detail}` : ''}`, line ? Number(line[1]) : undefined);
}

export async function parseMermaid(text: string): Promise<MGraph> {
  if (!text.trim()) throw new MermaidImportError('There is no diagram text to import.');
  if (text.length > MAX_TEXT) {
    throw new MermaidImportError(
      `This diagram is ${text.length.toLocaleString('en-US')} characters long; Mermaid reads at most ${MAX_TEXT.toLocaleString('en-US')}.`,
    );
  }
  let graph: MGraph | { unsupported: string };
  try {
    graph = await withParsedDiagram(text, ({ type, db }) => {
      if (type.startsWith('flowchart') || type === 'graph') return readFlowchart(db as FlowDb);
      if (type === 'sequence') return readSequence(db as SequenceDb);
      if (type === 'stateDiagram' || type === 'state') return readState(db as StateDb);
      if (type === 'architecture') return readArchitecture(db as ArchitectureDb);
      return { unsupported: type };
    });
  } catch (error) {
    throw describeParseError(error);
  }
  if ('unsupported' in graph) {
    throw new MermaidImportError(`This is a ${graph.unsupported} diagram. Faultline imports ${SUPPORTED_TYPES}.`);
  }
  if (text.includes('%%{')) graph.notices.push('%%{init}%% directives were ignored');
  return graph;
}
