// The revision of what a simulation reads: a fingerprint of the diagram's simulated content and
// the scenario. A recorded run keeps the revision it ran on; when the diagram's revision for that
// scenario differs, the run is stale. Moving a node, renaming it or writing a note changes no
// revision (the engine reads none of them), so a run stays current through such edits.
import { isSimulated } from './catalog';
import type { Diagram, Scenario } from './types';

/** JSON with object keys sorted, so the same content gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** FNV-1a, 52 bits: a short, stable fingerprint (not a security measure). */
export function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x1000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(16).padStart(8, '0')}${(h2 & 0xfffff).toString(16).padStart(5, '0')}`;
}

/**
 * `memo` may keep each record's text between calls (records are immutable: an edit makes a new
 * one), so asking again after an edit re-reads only what the edit touched.
 */
export function simulationRevision(d: Diagram, scenario: Scenario, memo?: WeakMap<object, string>): string {
  const text = (record: object, make: () => unknown) => {
    const known = memo?.get(record);
    if (known !== undefined) return known;
    const made = canonical(make());
    memo?.set(record, made);
    return made;
  };
  const nodes = d.nodes.map((n) => text(n, () => ({ id: n.id, kind: n.kind, parentId: n.parentId ?? null, props: isSimulated(n.kind) ? n.props : {} })));
  const edges = d.edges.map((e) => text(e, () => ({ id: e.id, source: e.source, target: e.target, mode: e.mode, call: e.call })));
  const { name: _name, ...plan } = scenario;
  return fingerprint(`${nodes.join(',')}|${edges.join(',')}|${canonical(plan)}`);
}
