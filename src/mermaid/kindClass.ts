// The class Faultline writes for a kind (`classDef cache fill:…`): named after the kind and
// coloured as the kind, so any renderer colours it and import reads the kind back exactly.
import { CATALOG, isNodeKind, type NodeKind } from '../model';

export function kindClassStyle(kind: NodeKind): string {
  const c = CATALOG[kind].color;
  return `fill:${c}22,stroke:${c},color:#0f172a`;
}

/** The kind a class says when it is Faultline's own (its name and its colours both match). */
export function faultlineKindClass(name: string, styles: readonly string[] | undefined): NodeKind | undefined {
  if (!isNodeKind(name) || !styles) return undefined;
  const written = styles.map((s) => s.replace(/\s+/g, '').toLowerCase()).join(',');
  return written === kindClassStyle(name).toLowerCase() ? name : undefined;
}
