// The binding between the Editor's document store and a room's Yjs document. Every local change
// (the store's change feed) is written to Yjs in one transaction; every change from elsewhere
// (another person, this person's own undo) is read back record by record, checked with the same
// record restore that files and links use, and applied through the store's applyRemote. A record
// that does not pass is refused with a notice and this tab keeps its own version, so nothing a
// peer sends can corrupt the diagram here or in the library.
//
// Sealing and opening text is asynchronous (Web Crypto). A drag, a resize or an undo touches only
// known tokens, so they are written and read at once; a new label waits for its seal, and one
// pump keeps local writes and remote reads in order while it does.
import * as Y from 'yjs';
import type { DocumentStore } from '../editor/documentStore';
import { diffPatches } from '../editor/diff';
import { restoreEdge, restoreNode } from '../files/restore';
import { restoreFlow } from '../files/restoreFlow';
import { restoreScenario } from '../files/restoreScenario';
import {
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  isSafeId,
  isSlug,
  newReport,
  type RequestFlow,
  type RestoreReport,
  type Scenario,
  TEXT_FIELDS,
  takeMermaidSource,
  validateDiagram,
} from '../model';
import { restoreDirection, restoreText } from '../files/restore';
import type { TextCipher } from './textCipher';
import {
  COLLECTIONS,
  type CollectionName,
  type FieldValue,
  metaOf,
  orderedIds,
  readRecord,
  recordFields,
  SPECS,
  writeOrder,
  type YDiagram,
  yDiagram,
} from './yRecords';

/** The most nodes a live diagram may hold: a peer's change past it is refused. */
export const LIVE_NODE_LIMIT = 5_000;
export const LIVE_EDGE_LIMIT = 10_000;

/** Transaction origins: this tab's edits (undoable by this person) and the first write of a room. */
export const LOCAL_ORIGIN = { name: 'faultline-local' };
const SEED_ORIGIN = { name: 'faultline-seed' };

type AnyRecord = DiagramNode | DiagramEdge | Scenario;

const RECORD_NAME: Record<CollectionName, string> = { nodes: 'Node', edges: 'Connection', scenarios: 'Scenario' };

interface Dirty {
  ids: Record<CollectionName, Set<string>>;
  order: Set<CollectionName>;
  meta: boolean;
}

function emptyDirty(): Dirty {
  return { ids: { nodes: new Set(), edges: new Set(), scenarios: new Set() }, order: new Set(), meta: false };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface LiveDocumentHost {
  doc: DocumentStore;
  notify(message: string, tone: 'info' | 'error'): void;
}

export class LiveDocument {
  readonly y: YDiagram;
  readonly undoManager: Y.UndoManager;
  /** What Yjs holds, as this tab last wrote or read it: local writes diff against it by identity. */
  private mirror: Diagram;
  /** Local changes not yet in the room, in order; a boundary ends a gesture's undo step. */
  private readonly queue: ({ diagram: Diagram; inGesture: boolean } | { boundary: true })[] = [];
  private remote: Dirty = emptyDirty();
  private remoteDirty = false;
  private pumping = false;
  private inGesture = false;
  private readonly tokens = new Map<string, string>();
  private readonly stops: (() => void)[] = [];
  private readonly refusedNotices = new Set<string>();
  /** Tokens that would not open: text a peer did not seal with this room's key. */
  private readonly unopenable = new Set<string>();
  /** Refusals so far, for tests and the session panel. */
  refusals = 0;
  private idle: Promise<void> = Promise.resolve();
  private settle: () => void = () => {};

  constructor(
    private readonly host: LiveDocumentHost,
    doc: Y.Doc,
    private readonly cipher: TextCipher,
  ) {
    this.y = yDiagram(doc);
    this.mirror = host.doc.getState().diagram;
    const scope = [this.y.meta, ...COLLECTIONS.map((c) => this.y.records[c]), ...COLLECTIONS.map((c) => this.y.order[c])];
    // Each local change is one step (stopCapturing after it); a gesture's frames merge into one.
    this.undoManager = new Y.UndoManager(scope, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 2 ** 31 - 1 });
  }

  /** Writes the whole diagram into an empty room (the person who starts it). */
  static async seed(doc: Y.Doc, cipher: TextCipher, diagram: Diagram): Promise<void> {
    const y = yDiagram(doc);
    const sealedFields = async (spec: (typeof SPECS)[keyof typeof SPECS], record: object) => {
      const fields = recordFields(spec, record);
      const out = new Map<string, unknown>();
      for (const [k, f] of fields) out.set(k, f.sealed ? await cipher.seal(f.value as string) : f.value);
      return out;
    };
    const meta = await sealedFields(SPECS.meta, metaOf(diagram));
    const records = {} as Record<CollectionName, [string, Map<string, unknown>][]>;
    for (const c of COLLECTIONS) {
      records[c] = [];
      for (const r of diagram[c] as AnyRecord[]) records[c].push([r.id, await sealedFields(SPECS[c], r)]);
    }
    doc.transact(() => {
      for (const [k, v] of meta) y.meta.set(k, v);
      for (const c of COLLECTIONS) {
        for (const [id, fields] of records[c]) y.records[c].set(id, new Y.Map([...fields]));
        writeOrder(
          y.order[c],
          records[c].map(([id]) => id),
        );
      }
    }, SEED_ORIGIN);
  }

  /** Reads a room's whole diagram (the person who joins), checked record by record. */
  static async read(doc: Y.Doc, cipher: TextCipher, host: LiveDocumentHost): Promise<Diagram> {
    const isSealedKey = (k: string) => Object.values(SPECS).some((spec) => spec.text.includes(k) || spec.sealedJson.includes(k));
    const y = yDiagram(doc);
    const tokens: string[] = [];
    const collect = (m: Y.Map<unknown>) => {
      for (const [k, v] of m.entries()) if (typeof v === 'string' && isSealedKey(k)) tokens.push(v);
    };
    collect(y.meta);
    for (const c of COLLECTIONS) for (const r of y.records[c].values()) if (r instanceof Y.Map) collect(r);
    const live = new LiveDocument(host, doc, cipher);
    await Promise.all(
      tokens.map((t) =>
        cipher.open(t).catch(() => {
          live.unopenable.add(t);
        }),
      ),
    );
    const dirty = emptyDirty();
    dirty.meta = true;
    for (const c of COLLECTIONS) {
      dirty.order.add(c);
      for (const id of y.records[c].keys()) dirty.ids[c].add(id);
    }
    const empty: Diagram = { ...host.doc.getState().diagram, nodes: [], edges: [], scenarios: [], flows: [] };
    const result = live.readInto(empty, dirty);
    live.undoManager.destroy();
    if ('unknownTokens' in result) throw new Error('The room holds text this link cannot open.');
    return result.diagram;
  }

  /** Starts mirroring: from now on the store and the room move together. */
  start(): void {
    this.mirror = this.host.doc.getState().diagram;
    this.stops.push(
      this.host.doc.getState().onChange((change) => {
        if (change.origin === 'remote') return;
        const last = this.queue.at(-1);
        const diagram = this.host.doc.getState().diagram;
        // Frames of one gesture collapse into the latest; every other change keeps its own entry.
        if (change.inGesture && last && 'diagram' in last && last.inGesture) last.diagram = diagram;
        else this.queue.push({ diagram, inGesture: change.inGesture });
        this.kick();
      }),
    );
    this.stops.push(
      this.host.doc.subscribe((s, prev) => {
        if (prev.gesture && !s.gesture) {
          this.queue.push({ boundary: true });
          this.kick();
        }
      }),
    );
    // biome-ignore lint/suspicious/noExplicitAny: Yjs types its shared types' events loosely
    type Shared = Y.AbstractType<any>;
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const observe = (type: Shared, onEvent: (e: Y.YEvent<any>) => void) => {
      // biome-ignore lint/suspicious/noExplicitAny: as above
      const handler = (events: Y.YEvent<any>[], tr: Y.Transaction) => {
        if (tr.origin === LOCAL_ORIGIN) return;
        for (const e of events) onEvent(e);
        this.remoteDirty = true;
      };
      type.observeDeep(handler);
      this.stops.push(() => type.unobserveDeep(handler));
    };
    observe(this.y.meta, () => {
      this.remote.meta = true;
    });
    for (const c of COLLECTIONS) {
      observe(this.y.records[c], (e) => {
        if (e.path.length === 0) for (const k of e.keys.keys()) this.remote.ids[c].add(k);
        else this.remote.ids[c].add(String(e.path[0]));
      });
      observe(this.y.order[c], () => this.remote.order.add(c));
    }
    const after = (tr: Y.Transaction) => {
      if (tr.origin !== LOCAL_ORIGIN && this.remoteDirty) this.kick(tr.origin === this.undoManager ? 'Undo' : 'Live edit');
    };
    this.y.doc.on('afterTransaction', after);
    this.stops.push(() => this.y.doc.off('afterTransaction', after));
  }

  /** Reads every record again: after a join, for whatever arrived between reading the room and start. */
  reconcile(): void {
    for (const c of COLLECTIONS) {
      this.remote.order.add(c);
      for (const id of this.y.records[c].keys()) this.remote.ids[c].add(id);
    }
    this.remote.meta = true;
    this.remoteDirty = true;
    this.kick();
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
    this.undoManager.destroy();
  }

  /** Resolves once every change so far has been written and read. */
  settled(): Promise<void> {
    return this.pumping ? this.idle : Promise.resolve();
  }

  undo(): boolean {
    this.undoManager.stopCapturing();
    return this.undoManager.undo() !== null;
  }

  redo(): boolean {
    return this.undoManager.redo() !== null;
  }

  canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  // ---- the pump -----------------------------------------------------------------------------

  private label = 'Live edit';

  private kick(label?: string): void {
    if (label) this.label = label;
    if (this.pumping) return;
    const missing = this.step();
    if (missing.length === 0) return;
    this.pumping = true;
    this.idle = new Promise((resolve) => (this.settle = resolve));
    void this.pump(missing);
  }

  private async pump(first: Promise<unknown>[]): Promise<void> {
    let missing = first;
    try {
      while (missing.length > 0) {
        await Promise.all(missing);
        missing = this.step();
      }
    } finally {
      this.pumping = false;
      this.settle();
    }
  }

  /** Does what it can now; returns the seals and opens to wait for before the next step. */
  private step(): Promise<unknown>[] {
    // Local changes first, one undo step each (a gesture's frames make one step).
    while (this.queue.length > 0) {
      const entry = this.queue[0];
      if ('boundary' in entry) {
        this.undoManager.stopCapturing();
        this.inGesture = false;
        this.queue.shift();
        continue;
      }
      if (entry.inGesture && !this.inGesture) {
        this.undoManager.stopCapturing();
        this.inGesture = true;
      }
      const missing = this.writeLocal(entry.diagram);
      if (missing.length > 0) return missing;
      this.queue.shift();
      if (!entry.inGesture) this.undoManager.stopCapturing();
    }
    if (this.remoteDirty) {
      const current = this.host.doc.getState().diagram;
      const dirty = this.remote;
      const result = this.readInto(current, dirty);
      if ('unknownTokens' in result)
        return result.unknownTokens.map((t) =>
          this.cipher.open(t).catch(() => {
            this.unopenable.add(t);
          }),
        );
      this.remote = emptyDirty();
      this.remoteDirty = false;
      this.mirror = result.diagram;
      const { patches } = diffPatches(current, result.diagram);
      if (patches.length > 0) this.host.doc.getState().applyRemote(this.label, patches);
      this.label = 'Live edit';
      this.mirror = this.host.doc.getState().diagram;
    }
    return [];
  }

  // ---- local → room -------------------------------------------------------------------------

  private tokenKey(where: string, key: string, plain: string): string {
    return `${where}\u0000${key}\u0000${plain}`;
  }

  /** A sealed value for a field: the token already in the room if it holds the same text, else one sealed for it. */
  private token(where: string, key: string, plain: string, current: unknown, missing: Promise<unknown>[]): string | undefined {
    if (typeof current === 'string' && this.cipher.peek(current) === plain) return current;
    const k = this.tokenKey(where, key, plain);
    const known = this.tokens.get(k);
    if (known) return known;
    missing.push(this.cipher.seal(plain).then((t) => this.tokens.set(k, t)));
    return undefined;
  }

  /** The writes that bring one Y.Map to these fields, or the seals they still need. */
  private fieldWrites(where: string, target: Y.Map<unknown> | undefined, fields: Map<string, FieldValue>, missing: Promise<unknown>[]) {
    const sets: [string, unknown][] = [];
    const deletes: string[] = [];
    for (const [key, f] of fields) {
      const current = target?.get(key);
      if (f.sealed) {
        const t = this.token(where, key, f.value as string, current, missing);
        if (t !== undefined && t !== current) sets.push([key, t]);
      } else if (!sameValue(current, f.value)) sets.push([key, f.value]);
    }
    if (target) for (const key of target.keys()) if (!fields.has(key)) deletes.push(key);
    return { sets, deletes };
  }

  private writeLocal(next: Diagram): Promise<unknown>[] {
    const prev = this.mirror;
    if (next === prev) return [];
    const missing: Promise<unknown>[] = [];
    const ops: (() => void)[] = [];
    const nextMeta = metaOf(next);
    const prevMeta = metaOf(prev);
    if (Object.keys({ ...nextMeta, ...prevMeta }).some((k) => nextMeta[k as keyof typeof nextMeta] !== prevMeta[k as keyof typeof prevMeta])) {
      const { sets, deletes } = this.fieldWrites('meta', this.y.meta, recordFields(SPECS.meta, nextMeta), missing);
      ops.push(() => {
        for (const [k, v] of sets) this.y.meta.set(k, v);
        for (const k of deletes) this.y.meta.delete(k);
      });
    }
    for (const c of COLLECTIONS) {
      const before = prev[c] as AnyRecord[];
      const after = next[c] as AnyRecord[];
      if (before === after) continue;
      const old = new Map(before.map((r) => [r.id, r]));
      const map = this.y.records[c];
      for (const r of after) {
        if (old.get(r.id) === r && map.has(r.id)) continue;
        const existing = map.get(r.id);
        const target = existing instanceof Y.Map ? (existing as Y.Map<unknown>) : undefined;
        const { sets, deletes } = this.fieldWrites(`${c}/${r.id}`, target, recordFields(SPECS[c], r), missing);
        ops.push(() => {
          const m: Y.Map<unknown> = target ?? new Y.Map<unknown>();
          if (!target) map.set(r.id, m);
          for (const [k, v] of sets) m.set(k, v);
          for (const k of deletes) m.delete(k);
        });
      }
      const ids = new Set(after.map((r) => r.id));
      for (const r of before) if (!ids.has(r.id)) ops.push(() => map.delete(r.id));
      ops.push(() =>
        writeOrder(
          this.y.order[c],
          after.map((r) => r.id),
        ),
      );
    }
    if (missing.length > 0) return missing;
    this.y.doc.transact(() => {
      for (const op of ops) op();
    }, LOCAL_ORIGIN);
    this.mirror = next;
    return [];
  }

  // ---- room → local -------------------------------------------------------------------------

  private refuse(message: string): void {
    this.refusals++;
    if (this.refusedNotices.has(message)) return;
    this.refusedNotices.add(message);
    this.host.notify(`A change from the live session was refused: ${message}. Your copy is unchanged.`, 'error');
  }

  /** The diagram after the dirty records are read from the room into `base`; refused records keep base's version. */
  private readInto(base: Diagram, dirty: Dirty): { diagram: Diagram } | { unknownTokens: string[] } {
    const open = (t: string) => (this.unopenable.has(t) ? null : this.cipher.peek(t));
    const unknownTokens: string[] = [];
    const next: Diagram = { ...base };
    if (dirty.meta) {
      const read = readRecord(SPECS.meta, this.y.meta, open);
      if ('unknownTokens' in read) unknownTokens.push(...read.unknownTokens);
      else if ('refusal' in read) this.refuse(`the diagram’s settings hold ${read.refusal}`);
      else this.applyMeta(next, read.raw);
    }
    for (const c of COLLECTIONS) {
      const ids = dirty.ids[c];
      if (ids.size === 0 && !dirty.order.has(c)) continue;
      const byId = new Map((base[c] as AnyRecord[]).map((r) => [r.id, r]));
      for (const id of ids) {
        const entry = this.y.records[c].get(id);
        if (entry === undefined) {
          byId.delete(id);
          continue;
        }
        if (!(entry instanceof Y.Map)) {
          this.refuse(`${RECORD_NAME[c]} ${id.slice(0, 40)} is not a record`);
          continue;
        }
        const read = readRecord(SPECS[c], entry, open);
        if ('unknownTokens' in read) {
          unknownTokens.push(...read.unknownTokens);
          continue;
        }
        if ('refusal' in read) {
          this.refuse(`${RECORD_NAME[c]} ${id.slice(0, 40)} holds ${read.refusal}`);
          continue;
        }
        const record = this.restoreRecord(c, { ...read.raw, id });
        if (typeof record === 'string') this.refuse(record);
        else byId.set(id, record);
      }
      const order = orderedIds(this.y, c).filter((id) => byId.has(id));
      const placed = new Set(order);
      // Records this tab keeps (refused deletions, or not yet in the room's order) stay where they were.
      for (const r of base[c] as AnyRecord[]) if (byId.has(r.id) && !placed.has(r.id)) order.push(r.id);
      (next as unknown as Record<CollectionName, AnyRecord[]>)[c] = order.map((id) => byId.get(id)!);
    }
    if (unknownTokens.length > 0) return { unknownTokens };
    return { diagram: this.checkWhole(base, next) };
  }

  private restoreRecord(c: CollectionName, raw: Record<string, unknown>): AnyRecord | string {
    const report: RestoreReport = newReport();
    const record = c === 'nodes' ? restoreNode(raw, report) : c === 'edges' ? restoreEdge(raw, report) : restoreScenario(raw, report);
    if (!record || report.dropped > 0) return report.messages[0] ?? `${RECORD_NAME[c]} ${String(raw.id).slice(0, 40)} is not valid`;
    return record;
  }

  private applyMeta(next: Diagram, raw: Record<string, unknown>): void {
    const report = newReport();
    const name = restoreText(raw.name, TEXT_FIELDS.diagramName, 'The diagram', report);
    if (name !== undefined) next.name = name;
    next.direction = restoreDirection(raw.direction, next.direction);
    if (Array.isArray(raw.flows)) {
      const nodeIds = new Set(next.nodes.map((n) => n.id));
      next.flows = raw.flows
        .slice(0, 100)
        .map((f) => restoreFlow(f, nodeIds, report))
        .filter((f): f is RequestFlow => f !== null);
    }
    const id = typeof raw.id === 'string' && isSafeId(raw.id) ? raw.id : undefined;
    if (id) next.id = id;
    if (typeof raw.templateId === 'string' && isSlug(raw.templateId)) next.templateId = raw.templateId;
    if (typeof raw.templateBlock === 'number' && Number.isInteger(raw.templateBlock)) next.templateBlock = raw.templateBlock;
    const source = takeMermaidSource(raw.mermaidSource);
    if (source) next.mermaidSource = source;
    for (const key of ['createdAt', 'updatedAt'] as const) if (typeof raw[key] === 'number' && Number.isFinite(raw[key])) next[key] = raw[key];
    if (report.dropped > 0) this.refuse(report.messages[0]);
  }

  /** Rules across records: sizes, and that every reference resolves. A change that breaks them is refused whole. */
  private checkWhole(base: Diagram, next: Diagram): Diagram {
    if (next.nodes.length > LIVE_NODE_LIMIT && next.nodes.length > base.nodes.length) {
      this.refuse(
        `it would make ${next.nodes.length.toLocaleString('en-US')} nodes, more than the ${LIVE_NODE_LIMIT.toLocaleString('en-US')} a live diagram may hold`,
      );
      return base;
    }
    if (next.edges.length > LIVE_EDGE_LIMIT && next.edges.length > base.edges.length) {
      this.refuse(`it would make ${next.edges.length.toLocaleString('en-US')} connections, more than ${LIVE_EDGE_LIMIT.toLocaleString('en-US')}`);
      return base;
    }
    const problems = validateDiagram(next);
    if (problems.length === 0) return next;
    // A reference to something this tab does not have yet (its record is still on the way, or was
    // refused) keeps the referring records out until it resolves.
    const nodeIds = new Set(next.nodes.map((n) => n.id));
    const fixed: Diagram = {
      ...next,
      nodes: next.nodes.filter((n) => !n.parentId || nodeIds.has(n.parentId)),
      edges: next.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)),
    };
    const still = validateDiagram(fixed);
    if (still.length === 0) return fixed;
    this.refuse(still[0].message);
    return base;
  }
}
