// The `%% faultline:` lines an export ends with: scenarios and request flows, and (for a diagram
// kept in its author's text) whatever the text alone would not give back on import: a kind chosen
// in Faultline, simulation settings, notes, a colour Mermaid cannot write, a connection's mode.
import type { Diagram, RequestFlow } from '../model';
import { commentJson, formatFields, PREFIX, type Value } from './annotations';

/** The given keys that are set, in that order: JSON written the same way every time. */
function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** Scenarios, naming nodes by `rename` and edges by their ends (edge ids change on import). */
export function scenarioLines(d: Diagram, rename: (id: string) => string): string[] {
  const edgeName = new Map(d.edges.map((e) => [e.id, `${rename(e.source)}->${rename(e.target)}`]));
  return d.scenarios.map((s) => {
    const scenario = {
      id: s.id,
      name: s.name,
      seed: s.seed,
      durationMs: s.durationMs,
      warmupMs: s.warmupMs,
      traffic: Object.fromEntries(
        Object.entries(s.traffic).map(([k, t]) => [rename(k), pick(t, ['rateRps', 'pattern', 'patternFactor', 'patternStartMs', 'patternDurationMs'])]),
      ),
      faults: s.faults.map((f) => ({
        ...pick(f, ['id', 'type']),
        target: { type: f.target.type, id: f.target.type === 'node' ? rename(f.target.id) : (edgeName.get(f.target.id) ?? f.target.id) },
        ...pick(f, ['startMs', 'endMs', 'addMs', 'factor', 'fraction', 'partition']),
      })),
    };
    return `${PREFIX} scenario ${commentJson(scenario)}`;
  });
}

export function flowLines(flows: readonly RequestFlow[], rename: (id: string) => string): string[] {
  return flows.map((f) => {
    const flow = {
      id: f.id,
      name: f.name,
      steps: f.steps.map((s) => ({ from: rename(s.from), to: rename(s.to), ...pick(s, ['label', 'reply', 'async', 'block']) })),
      blocks: f.blocks.map((b) => pick(b, ['type', 'label', 'parent'])),
    };
    return `${PREFIX} flow ${commentJson(flow)}`;
  });
}

/**
 * Everything about `d` that `derived` (what an import of the exported text gives) lacks, as
 * `%% faultline:` lines, so that importing the text with these lines gives `d` back. The name is
 * left out of an author's own text: there the file's name is the diagram's.
 */
export function differenceLines(d: Diagram, derived: Diagram, options: { name: boolean } = { name: true }): string[] {
  const lines = options.name ? [`${PREFIX} diagram ${formatFields({ name: d.name })}`] : [];
  const nodes = new Map(derived.nodes.map((n) => [n.id, n]));
  for (const n of d.nodes) {
    const got = nodes.get(n.id);
    const fields: Record<string, Value> = {};
    if (got && got.kind !== n.kind) fields.kind = n.kind;
    for (const [k, v] of Object.entries(n.props)) if (v !== undefined) fields[k] = v;
    if (n.notes && n.notes !== got?.notes) fields.notes = n.notes;
    if (n.color && n.color !== got?.color) fields.color = n.color;
    if (Object.keys(fields).length > 0) lines.push(`${PREFIX} node ${n.id} ${formatFields(fields)}`);
  }
  const edges = new Map(derived.edges.map((e) => [`${e.source}->${e.target}`, e]));
  for (const e of d.edges) {
    const got = edges.get(`${e.source}->${e.target}`);
    const fields: Record<string, Value> = {};
    if (got && got.mode !== e.mode) fields.mode = e.mode;
    if (got && (got.style ?? 'solid') !== (e.style ?? 'solid')) fields.style = e.style ?? 'solid';
    for (const [k, v] of Object.entries(e.call)) if (v !== undefined) fields[k] = v;
    if (Object.keys(fields).length > 0) lines.push(`${PREFIX} edge ${e.source}->${e.target} ${formatFields(fields)}`);
  }
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  const flows = same(
    d.flows.map((f) => [f.steps, f.blocks]),
    derived.flows.map((f) => [f.steps, f.blocks]),
  )
    ? []
    : d.flows;
  return [...lines, ...scenarioLines(d, (id) => id), ...flowLines(flows, (id) => id)];
}
