// Restoring records from untrusted input (clipboard, files, links, IndexedDB, peers): each record
// is rebuilt from known fields only, every value taken through the schema's one routine
// (model/schema/take.ts): kept when valid, otherwise left out or repaired and reported. Unknown
// keys are never copied, so `__proto__` or `constructor` in the input cannot reach a prototype.
import type { CallProps, DiagramEdge, DiagramNode, Direction, EdgeStyle, NodeProps, Size, XY } from '../model';
import {
  CALL_FIELDS,
  drop,
  fitText,
  isNodeKind,
  isRecord,
  NODE_FIELDS,
  normalizeLabel,
  own,
  type RestoreReport,
  safeColor,
  safeId,
  TEXT_FIELDS,
  type TextField,
  takeFields,
} from '../model';

export { drop, isRecord, newReport, own, type RestoreReport } from '../model';

export const LABEL_LIMIT = TEXT_FIELDS.nodeLabel.maxLength;
export const NOTES_LIMIT = TEXT_FIELDS.notes.maxLength;
const DIRECTIONS: readonly Direction[] = ['TB', 'BT', 'LR', 'RL'];
const EDGE_STYLES: readonly EdgeStyle[] = ['solid', 'dotted', 'thick', 'invisible'];
const COORD_LIMIT = 10_000_000;
const SIZE_RANGE = { min: 10, max: 100_000 };

/** A string cut to a plain limit (shapes, rules: no report, they are not shown as written). */
export function text(value: unknown, limit: number): string | undefined {
  return typeof value === 'string' ? value.slice(0, limit) : undefined;
}

/** An id or a reference to one, in the id rule's safe form (model/schema/id.ts). */
export function restoreId(value: unknown): string | undefined {
  return typeof value === 'string' ? safeId(value) : undefined;
}

/** A text field's value: cut to its limit with a report when longer. */
export function restoreText(value: unknown, field: TextField, where: string, report: RestoreReport): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    drop(report, `${where}: ${field.label} must be text (left out)`);
    return undefined;
  }
  const fitted = fitText(field, value);
  if (fitted.cut) drop(report, `${where}: ${fitted.cut}`);
  return fitted.text;
}

export function finite(value: unknown, min = -COORD_LIMIT, max = COORD_LIMIT): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : undefined;
}

/** A point; a coordinate beyond ±10,000 km of canvas is moved to the edge and reported. */
function point(value: unknown, where: string, report: RestoreReport | null): XY | undefined {
  if (!isRecord(value)) return undefined;
  const rawX = own(value, 'x');
  const rawY = own(value, 'y');
  const x = finite(rawX);
  const y = finite(rawY);
  if (x === undefined || y === undefined) return undefined;
  if (report && (x !== rawX || y !== rawY)) drop(report, `${where}: position (${rawX}, ${rawY}) is off the canvas; moved to (${x}, ${y})`);
  return { x, y };
}

function size(value: unknown, where: string, report: RestoreReport): Size | undefined {
  if (!isRecord(value)) return undefined;
  const rawW = own(value, 'width');
  const rawH = own(value, 'height');
  const width = finite(rawW, SIZE_RANGE.min, SIZE_RANGE.max);
  const height = finite(rawH, SIZE_RANGE.min, SIZE_RANGE.max);
  if (width === undefined || height === undefined) return undefined;
  if (width !== rawW || height !== rawH)
    drop(report, `${where}: size ${rawW} × ${rawH} is outside ${SIZE_RANGE.min} to ${SIZE_RANGE.max}; set to ${width} × ${height}`);
  return { width, height };
}

export function restoreNode(raw: unknown, report: RestoreReport): DiagramNode | null {
  if (!isRecord(raw)) return null;
  const id = restoreId(own(raw, 'id'));
  const kind = own(raw, 'kind');
  if (!id || !isNodeKind(kind)) {
    drop(report, id ? `Node ${id} has an unknown kind "${String(kind).slice(0, 40)}"` : 'A node without an id');
    return null;
  }
  if (id !== own(raw, 'id'))
    drop(
      report,
      `Node id ${JSON.stringify(String(own(raw, 'id')).slice(0, 60))} held characters an id may not (quotes, backslashes, control characters); it is ${id} now`,
    );
  const label = normalizeLabel(restoreText(own(raw, 'label'), TEXT_FIELDS.nodeLabel, `Node ${id}`, report) ?? '');
  const where = label || id;
  const rawPosition = own(raw, 'position');
  const position = point(rawPosition, where, report);
  // A missing position is a default (hand-written files for the CLI leave it out); a broken one is reported.
  if (!position && rawPosition !== undefined) drop(report, `${where} has no valid position; placed at (0, 0)`);
  const node: DiagramNode = {
    id,
    kind,
    label,
    position: position ?? { x: 0, y: 0 },
    props: takeFields<NodeProps>(own(raw, 'props'), NODE_FIELDS, where, report),
  };
  const parentId = restoreId(own(raw, 'parentId'));
  if (parentId) node.parentId = parentId;
  const s = size(own(raw, 'size'), where, report);
  if (s) node.size = s;
  const color = safeColor(own(raw, 'color'));
  if (color) node.color = color;
  else if (own(raw, 'color') !== undefined) drop(report, `${where}: the colour is not a CSS colour value (left out)`);
  const notes = restoreText(own(raw, 'notes'), TEXT_FIELDS.notes, where, report);
  if (notes) node.notes = notes;
  const shape = text(own(raw, 'shape'), 40);
  if (shape && /^[a-z_-]+$/.test(shape)) node.shape = shape;
  const direction = own(raw, 'direction');
  if (DIRECTIONS.includes(direction as Direction)) node.direction = direction as Direction;
  const inferred = own(raw, 'inferred');
  if (isRecord(inferred) && typeof own(inferred, 'rule') === 'string') {
    node.inferred = { rule: text(own(inferred, 'rule'), 200)! };
    const matched = text(own(inferred, 'matched'), 200);
    if (matched) node.inferred.matched = matched;
  }
  return node;
}

export function restoreEdge(raw: unknown, report: RestoreReport): DiagramEdge | null {
  if (!isRecord(raw)) return null;
  const id = restoreId(own(raw, 'id'));
  const source = restoreId(own(raw, 'source'));
  const target = restoreId(own(raw, 'target'));
  if (!id || !source || !target) {
    drop(report, `A connection without ${!id ? 'an id' : 'both ends'}`);
    return null;
  }
  const where = `${source} → ${target}`;
  const edge: DiagramEdge = {
    id,
    source,
    target,
    mode: own(raw, 'mode') === 'async' ? 'async' : 'sync',
    call: takeFields<CallProps>(own(raw, 'call'), CALL_FIELDS, where, report),
  };
  const label = normalizeLabel(restoreText(own(raw, 'label'), TEXT_FIELDS.edgeLabel, where, report) ?? '');
  if (label) edge.label = label;
  const style = own(raw, 'style');
  if (EDGE_STYLES.includes(style as EdgeStyle)) edge.style = style as EdgeStyle;
  return edge;
}

export function restoreDirection(value: unknown, fallback: Direction = 'LR'): Direction {
  return DIRECTIONS.includes(value as Direction) ? (value as Direction) : fallback;
}

export function restorePoint(value: unknown): XY | undefined {
  return point(value, '', null);
}
