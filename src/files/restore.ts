// Restoring records from untrusted input (clipboard, files, links): each record is rebuilt from
// known fields only, with every value checked against the catalog's field descriptors. Unknown
// keys are never copied, so `__proto__` or `constructor` in the input cannot reach a prototype.
import type { CallProps, DiagramEdge, DiagramNode, Direction, EdgeStyle, NodeProps, Size, XY } from '../model';
import { CALL_FIELDS, fieldError, isNodeKind, NODE_FIELDS, normalizeLabel, safeColor } from '../model';

export const LABEL_LIMIT = 1_000;
export const NOTES_LIMIT = 20_000;
const DIRECTIONS: readonly Direction[] = ['TB', 'BT', 'LR', 'RL'];
const EDGE_STYLES: readonly EdgeStyle[] = ['solid', 'dotted', 'thick', 'invisible'];
const COORD_LIMIT = 10_000_000;

type Raw = Record<string, unknown>;

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function own(raw: Raw, key: string): unknown {
  return Object.hasOwn(raw, key) ? raw[key] : undefined;
}

export function text(value: unknown, limit: number): string | undefined {
  return typeof value === 'string' ? value.slice(0, limit) : undefined;
}

export function finite(value: unknown, min = -COORD_LIMIT, max = COORD_LIMIT): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : undefined;
}

function point(value: unknown): XY | undefined {
  if (!isRecord(value)) return undefined;
  const x = finite(own(value, 'x'));
  const y = finite(own(value, 'y'));
  return x === undefined || y === undefined ? undefined : { x, y };
}

function size(value: unknown): Size | undefined {
  if (!isRecord(value)) return undefined;
  const width = finite(own(value, 'width'), 10, 100_000);
  const height = finite(own(value, 'height'), 10, 100_000);
  return width === undefined || height === undefined ? undefined : { width, height };
}

/**
 * Keeps the fields that exist and hold a valid value. A number out of range is clamped into it
 * (and reported); anything else invalid is dropped (and reported).
 */
function restoreProps<T>(value: unknown, fields: readonly { key: string }[], where: string, report: RestoreReport): Partial<T> {
  const result: Record<string, unknown> = {};
  if (!isRecord(value)) return result as Partial<T>;
  for (const key of Object.keys(value)) {
    const field = fields.find((f) => f.key === key) as Parameters<typeof fieldError>[0] | undefined;
    const v = value[key];
    const error = field ? fieldError(field, v) : `unknown setting "${key.slice(0, 40)}"`;
    if (error === null) {
      result[key] = v;
      continue;
    }
    if (field?.type === 'number' && typeof v === 'number' && Number.isFinite(v)) {
      const clamped = Math.min(field.max, Math.max(field.min, field.integer ? Math.round(v) : v));
      Object.defineProperty(result, key, { value: clamped, enumerable: true, writable: true, configurable: true });
      drop(report, `${where}: ${error} (set to ${clamped})`);
      continue;
    }
    drop(report, `${where}: ${error}`);
  }
  return result as Partial<T>;
}

export interface RestoreReport {
  dropped: number;
  /** What was dropped and why, for people (capped). */
  messages: string[];
}

export function newReport(): RestoreReport {
  return { dropped: 0, messages: [] };
}

const MESSAGE_LIMIT = 50;

export function drop(report: RestoreReport, message: string): void {
  report.dropped++;
  if (report.messages.length < MESSAGE_LIMIT) report.messages.push(message);
}

export function restoreNode(raw: unknown, report: RestoreReport): DiagramNode | null {
  if (!isRecord(raw)) return null;
  const id = text(own(raw, 'id'), 200);
  const kind = own(raw, 'kind');
  const position = point(own(raw, 'position')) ?? { x: 0, y: 0 };
  if (!id || !isNodeKind(kind)) {
    drop(report, id ? `Node ${id} has an unknown kind "${String(kind).slice(0, 40)}"` : 'A node without an id');
    return null;
  }
  const label = normalizeLabel(text(own(raw, 'label'), LABEL_LIMIT) ?? '');
  const node: DiagramNode = {
    id,
    kind,
    label,
    position,
    props: restoreProps<NodeProps>(own(raw, 'props'), NODE_FIELDS, label || id, report),
  };
  const parentId = text(own(raw, 'parentId'), 200);
  if (parentId) node.parentId = parentId;
  const s = size(own(raw, 'size'));
  if (s) node.size = s;
  const color = safeColor(own(raw, 'color'));
  if (color) node.color = color;
  const notes = text(own(raw, 'notes'), NOTES_LIMIT);
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
  const id = text(own(raw, 'id'), 200);
  const source = text(own(raw, 'source'), 200);
  const target = text(own(raw, 'target'), 200);
  if (!id || !source || !target) {
    drop(report, `A connection without ${!id ? 'an id' : 'both ends'}`);
    return null;
  }
  const edge: DiagramEdge = {
    id,
    source,
    target,
    mode: own(raw, 'mode') === 'async' ? 'async' : 'sync',
    call: restoreProps<CallProps>(own(raw, 'call'), CALL_FIELDS, `${source} → ${target}`, report),
  };
  const label = normalizeLabel(text(own(raw, 'label'), LABEL_LIMIT) ?? '');
  if (label) edge.label = label;
  const style = own(raw, 'style');
  if (EDGE_STYLES.includes(style as EdgeStyle)) edge.style = style as EdgeStyle;
  return edge;
}

export function restoreDirection(value: unknown, fallback: Direction = 'LR'): Direction {
  return DIRECTIONS.includes(value as Direction) ? (value as Direction) : fallback;
}

export function restorePoint(value: unknown): XY | undefined {
  return point(value);
}
