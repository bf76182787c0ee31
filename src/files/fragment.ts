// The clipboard format: a fragment of a diagram as JSON text, restored record by record when
// pasted (the clipboard is untrusted input like any file).
import type { DiagramNode, Fragment, XY } from '../model';
import { isRecord, newReport, own, restoreEdge, restoreNode, restorePoint } from './restore';

const MARKER = 'faultline/fragment';
const LIMIT = 5_000;

export function serializeFragment(fragment: Fragment): string {
  return JSON.stringify({ type: MARKER, version: 1, ...fragment });
}

export function parseFragment(text: string): Fragment | null {
  if (!text.includes(MARKER)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw) || own(raw, 'type') !== MARKER) return null;
  const rawNodes = own(raw, 'nodes');
  const rawEdges = own(raw, 'edges');
  if (!Array.isArray(rawNodes) || !Array.isArray(rawEdges)) return null;
  const report = newReport();
  const nodes: DiagramNode[] = [];
  const seen = new Set<string>();
  for (const r of rawNodes.slice(0, LIMIT)) {
    const n = restoreNode(r, report);
    if (n && !seen.has(n.id)) {
      seen.add(n.id);
      nodes.push(n);
    }
  }
  // A parent missing from the fragment or not a group is forgotten, and parents are listed first.
  const kinds = new Map(nodes.map((n) => [n.id, n.kind]));
  for (const n of nodes) if (n.parentId !== undefined && kinds.get(n.parentId) !== 'group' && kinds.has(n.parentId)) delete n.parentId;
  breakParentCycles(nodes);
  const edges = rawEdges
    .slice(0, LIMIT)
    .map((r) => restoreEdge(r, report))
    .filter((e): e is NonNullable<typeof e> => e !== null && seen.has(e.source) && seen.has(e.target) && e.source !== e.target);
  const absolute: Record<string, XY> = {};
  const rawAbsolute = own(raw, 'absolute');
  if (isRecord(rawAbsolute)) {
    for (const n of nodes) {
      const p = restorePoint(own(rawAbsolute, n.id));
      if (p) absolute[n.id] = p;
    }
  }
  return nodes.length > 0 ? { nodes, edges, absolute } : null;
}

function breakParentCycles(nodes: DiagramNode[]): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    const seen = new Set<string>([n.id]);
    for (let p = n.parentId; p !== undefined; p = byId.get(p)?.parentId) {
      if (seen.has(p)) {
        delete n.parentId;
        break;
      }
      seen.add(p);
    }
  }
}
