// Reading `%% faultline:` lines back onto an imported diagram. They are as untrusted as the rest
// of the text: every value is taken through its field in the schema, as files and links take
// theirs; unknown targets are reported, and scenarios and flows are restored record by record.
import type { CallProps, Diagram, EdgeStyle, NodeProps } from '../model';
import { CALL_FIELDS, isContainer, isNodeKind, isSource, NODE_FIELDS, newReport, normalizeLabel, safeColor, TEXT_FIELDS, takeFields } from '../model';
import { restoreText } from '../files/restore';
import { restoreFlow } from '../files/restoreFlow';
import { restoreScenario } from '../files/restoreScenario';
import { parseAnnotations, type Value } from './annotations';

const STYLES: readonly EdgeStyle[] = ['solid', 'dotted', 'thick', 'invisible'];

/** The annotation's fields without the ones stored outside the props. */
function without(fields: Record<string, Value>, skip: readonly string[]): Record<string, Value> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !skip.includes(k)));
}

export function applyAnnotations(d: Diagram, text: string): string[] {
  const { annotations, malformed } = parseAnnotations(text);
  const problems: string[] = [];
  if (malformed > 0) problems.push(`${malformed} faultline comment ${malformed === 1 ? 'line was' : 'lines were'} malformed and ignored`);
  const nodes = new Map(d.nodes.map((n) => [n.id, n]));
  const edges = new Map(d.edges.map((e) => [`${e.source}->${e.target}`, e]));
  const report = newReport();
  for (const a of annotations) {
    if (a.type === 'diagram') {
      const name = normalizeLabel(restoreText(a.fields.name, TEXT_FIELDS.diagramName, 'The diagram', report) ?? '');
      if (name) d.name = name;
    } else if (a.type === 'node') {
      const node = nodes.get(a.id);
      if (!node) {
        problems.push(`faultline settings for unknown node ${a.id} were ignored`);
        continue;
      }
      const where = node.label || node.id;
      // A kind chosen in Faultline over the one the text suggests (never to or from a group).
      const kind = a.fields.kind;
      if (isNodeKind(kind) && !isContainer(kind) && !isContainer(node.kind)) {
        node.kind = kind;
        delete node.inferred;
      }
      Object.assign(node.props, takeFields<NodeProps>(without(a.fields, ['notes', 'color', 'kind']), NODE_FIELDS, where, report));
      const notes = restoreText(a.fields.notes, TEXT_FIELDS.notes, where, report);
      if (notes) node.notes = notes;
      const color = safeColor(a.fields.color);
      if (color) node.color = color;
    } else if (a.type === 'edge') {
      const edge = edges.get(`${a.source}->${a.target}`);
      if (!edge) {
        problems.push(`faultline settings for unknown connection ${a.source} → ${a.target} were ignored`);
        continue;
      }
      Object.assign(edge.call, takeFields<CallProps>(without(a.fields, ['mode', 'style']), CALL_FIELDS, `${a.source} → ${a.target}`, report));
      if (a.fields.mode === 'sync' || a.fields.mode === 'async') edge.mode = a.fields.mode;
      if (STYLES.includes(a.fields.style as EdgeStyle)) {
        if (a.fields.style === 'solid') delete edge.style;
        else edge.style = a.fields.style as EdgeStyle;
      }
    } else if (a.type === 'scenario') {
      const s = restoreScenario(a.json, report, d.scenarios.length);
      if (!s) continue;
      s.faults = s.faults.filter((f) => {
        if (f.target.type === 'edge') {
          const edge = edges.get(f.target.id);
          if (edge) f.target = { type: 'edge', id: edge.id };
          return edge !== undefined;
        }
        return nodes.has(f.target.id);
      });
      for (const id of Object.keys(s.traffic)) {
        const kind = nodes.get(id)?.kind;
        if (!kind || !isSource(kind)) delete s.traffic[id];
      }
      d.scenarios.push(s);
    } else {
      const flow = restoreFlow(a.json, new Set(nodes.keys()), report);
      if (flow) d.flows.push(flow);
    }
  }
  return [...problems, ...report.messages];
}
