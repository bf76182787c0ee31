// Reading `%% faultline:` lines back onto an imported diagram. They are as untrusted as the rest
// of the text: every value is checked against the catalog's fields, unknown targets are
// reported, and scenarios and flows are restored record by record.
import type { CallProps, Diagram, EdgeStyle, NodeProps } from '../model';
import { callField, fieldError, nodeField, normalizeLabel, safeColor, isSource } from '../model';
import { newReport } from '../files/restore';
import { restoreFlow } from '../files/restoreFlow';
import { restoreScenario } from '../files/restoreScenario';
import { parseAnnotations, type Value } from './annotations';

const STYLES: readonly EdgeStyle[] = ['solid', 'dotted', 'thick', 'invisible'];

function setProps<T>(
  target: Partial<T>,
  fields: Record<string, Value>,
  field: (key: string) => Parameters<typeof fieldError>[0] | undefined,
  skip: Set<string>,
  problems: string[],
  where: string,
) {
  for (const [key, value] of Object.entries(fields)) {
    if (skip.has(key)) continue;
    const f = field(key);
    const error = f ? fieldError(f, value) : `unknown setting "${key}"`;
    if (error) problems.push(`${where}: ${error}`);
    else (target as Record<string, unknown>)[key] = value;
  }
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
      if (typeof a.fields.name === 'string' && normalizeLabel(a.fields.name)) d.name = normalizeLabel(a.fields.name).slice(0, 200);
    } else if (a.type === 'node') {
      const node = nodes.get(a.id);
      if (!node) {
        problems.push(`faultline settings for unknown node ${a.id} were ignored`);
        continue;
      }
      setProps<NodeProps>(node.props, a.fields, nodeField, new Set(['notes', 'color']), problems, node.label || node.id);
      if (typeof a.fields.notes === 'string') node.notes = a.fields.notes.slice(0, 20_000);
      const color = safeColor(a.fields.color);
      if (color) node.color = color;
    } else if (a.type === 'edge') {
      const edge = edges.get(`${a.source}->${a.target}`);
      if (!edge) {
        problems.push(`faultline settings for unknown connection ${a.source} → ${a.target} were ignored`);
        continue;
      }
      setProps<CallProps>(edge.call, a.fields, callField, new Set(['mode', 'style']), problems, `${a.source} → ${a.target}`);
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
