// How a diagram lives in a Yjs document. Each record (node, edge, scenario) is a Y.Map of its
// fields, so two people changing different fields of one node both keep their change; nested
// settings (a node's props, an edge's call) are spread into `props.<key>` fields for the same
// reason. The order of each collection is a Y.Array of ids. Every text value (labels, notes,
// names, the words an inference matched, request flows) is stored sealed (textCipher.ts); ids,
// kinds, positions and numbers are stored as they are. docs/decisions.md lists what the relay sees.
import * as Y from 'yjs';
import { defineOwn, type Diagram } from '../model';

export type CollectionName = 'nodes' | 'edges' | 'scenarios';
export const COLLECTIONS: readonly CollectionName[] = ['nodes', 'edges', 'scenarios'];

export interface RecordSpec {
  /** Fields holding free text: sealed. */
  text: readonly string[];
  /** Fields holding structured values that carry text: sealed as JSON. */
  sealedJson: readonly string[];
  /** Object fields spread into one Y field per key. */
  spread: readonly string[];
}

export const SPECS: Record<CollectionName | 'meta', RecordSpec> = {
  nodes: { text: ['label', 'notes'], sealedJson: ['inferred'], spread: ['props'] },
  edges: { text: ['label'], sealedJson: [], spread: ['call'] },
  scenarios: { text: ['name'], sealedJson: [], spread: [] },
  meta: { text: ['name', 'mermaidSource'], sealedJson: ['flows'], spread: [] },
};

/** The diagram fields kept in `meta` (the collections have their own maps). */
export const META_FIELDS = [
  'id',
  'name',
  'schemaVersion',
  'direction',
  'flows',
  'templateId',
  'templateBlock',
  'mermaidSource',
  'createdAt',
  'updatedAt',
] as const;

/** One field as it is written to Yjs: sealed fields carry their plaintext until they are sealed. */
export interface FieldValue {
  value: unknown;
  sealed: boolean;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function isSafeKey(key: string): boolean {
  return !FORBIDDEN.has(key) && key.length <= 100;
}

/** A record as the fields that go into its Y.Map. */
export function recordFields(spec: RecordSpec, record: object): Map<string, FieldValue> {
  const out = new Map<string, FieldValue>();
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (spec.text.includes(key)) out.set(key, { value, sealed: true });
    else if (spec.sealedJson.includes(key)) out.set(key, { value: JSON.stringify(value), sealed: true });
    else if (spec.spread.includes(key) && value !== null && typeof value === 'object') {
      for (const [sub, v] of Object.entries(value)) if (v !== undefined) out.set(`${key}.${sub}`, { value: v, sealed: false });
      out.set(key, { value: true, sealed: false });
    } else out.set(key, { value, sealed: false });
  }
  return out;
}

/**
 * Reads a record back from its Y fields as an untrusted raw object (for the record's restore to
 * check). `open` gives a sealed field's plaintext, undefined when it is not known yet, or null
 * when it cannot be opened (not sealed under this room's key).
 * Returns the tokens still to open when some are unknown.
 */
export function readRecord(
  spec: RecordSpec,
  fields: ReadonlyMap<string, unknown> | Y.Map<unknown>,
  open: (token: string) => string | undefined | null,
): { raw: Record<string, unknown> } | { unknownTokens: string[] } | { refusal: string } {
  const raw: Record<string, unknown> = {};
  const unknownTokens: string[] = [];
  for (const [key, value] of fields.entries()) {
    const dot = key.indexOf('.');
    const head = dot < 0 ? key : key.slice(0, dot);
    if (!isSafeKey(head) || (dot >= 0 && !isSafeKey(key.slice(dot + 1)))) return { refusal: `a field named “${key.slice(0, 40)}”` };
    if (dot >= 0) {
      if (!spec.spread.includes(head)) return { refusal: `a nested field “${key.slice(0, 40)}”` };
      const inner = (Object.hasOwn(raw, head) && typeof raw[head] === 'object' ? raw[head] : {}) as object;
      defineOwn(inner, key.slice(dot + 1), value);
      defineOwn(raw, head, inner);
      continue;
    }
    if (spec.spread.includes(key)) {
      if (!Object.hasOwn(raw, key)) defineOwn(raw, key, {});
      continue;
    }
    const sealed = spec.text.includes(key) || spec.sealedJson.includes(key);
    if (!sealed) {
      defineOwn(raw, key, value instanceof Y.AbstractType ? value.toJSON() : value);
      continue;
    }
    if (typeof value !== 'string') return { refusal: `an unsealed ${key}` };
    const plain = open(value);
    if (plain === null) return { refusal: `a ${key} not sealed with this room’s key` };
    if (plain === undefined) {
      unknownTokens.push(value);
      continue;
    }
    if (spec.text.includes(key)) defineOwn(raw, key, plain);
    else {
      try {
        defineOwn(raw, key, JSON.parse(plain));
      } catch {
        return { refusal: `a damaged ${key}` };
      }
    }
  }
  return unknownTokens.length > 0 ? { unknownTokens } : { raw };
}

export interface YDiagram {
  doc: Y.Doc;
  meta: Y.Map<unknown>;
  records: Record<CollectionName, Y.Map<unknown>>;
  order: Record<CollectionName, Y.Array<string>>;
}

export function yDiagram(doc: Y.Doc): YDiagram {
  return {
    doc,
    meta: doc.getMap('meta'),
    records: { nodes: doc.getMap('nodes'), edges: doc.getMap('edges'), scenarios: doc.getMap('scenarios') },
    order: { nodes: doc.getArray('nodeOrder'), edges: doc.getArray('edgeOrder'), scenarios: doc.getArray('scenarioOrder') },
  };
}

/** The ids of a collection in order: the order list without repeats or strays, then any record it misses. */
export function orderedIds(y: YDiagram, name: CollectionName): string[] {
  const map = y.records[name];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of y.order[name].toArray()) {
    if (typeof id !== 'string' || seen.has(id) || !map.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  const rest = [...map.keys()].filter((id) => !seen.has(id)).sort();
  return out.concat(rest);
}

/** Brings an order list to `ids` with as few changes as it can (a push for an added record). */
export function writeOrder(list: Y.Array<string>, ids: readonly string[]): void {
  const current = list.toArray();
  if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
  const wanted = new Set(ids);
  for (let i = current.length - 1; i >= 0; i--) if (!wanted.has(current[i])) list.delete(i, 1);
  const kept = list.toArray();
  if (kept.every((id, i) => id === ids[i])) {
    if (ids.length > kept.length) list.push(ids.slice(kept.length) as string[]);
    return;
  }
  list.delete(0, list.length);
  list.push([...ids]);
}

export type DiagramMeta = Pick<Diagram, (typeof META_FIELDS)[number]>;

export function metaOf(d: Diagram): DiagramMeta {
  const out: Record<string, unknown> = {};
  for (const key of META_FIELDS) if (d[key] !== undefined) out[key] = d[key];
  return out as unknown as DiagramMeta;
}
